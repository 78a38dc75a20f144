import ArgumentParser
import StaircaseCore

#if canImport(Glibc)
import Glibc
#endif

/// The `staircase` command: the wizard by default, and tools for catalogues, scoring,
/// export and saved sessions.
@main
struct Staircase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staircase",
        abstract: "Decide a child's level of need on the County Durham staircase, and write the referral.",
        discussion: """
            Runs offline. The County Durham catalogue is built in; use --catalogue PATH or \
            STAIRCASE_CATALOGUE to load another.
            """,
        version: "0.1.0",
        subcommands: [AssessCommand.self, CatalogueCommand.self, ScoreCommand.self, ExportCommand.self, SessionsCommand.self, BenchCommand.self],
        defaultSubcommand: AssessCommand.self
    )
}

/// Options shared by every command that needs a catalogue.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: "A catalogue JSON file (default: the built-in Durham catalogue, or $STAIRCASE_CATALOGUE).")
    var catalogue: String?

    /// The catalogue to use: the flag, then the environment, then the embedded default.
    func load() throws -> Catalogue {
        let path = catalogue ?? Environment.value("STAIRCASE_CATALOGUE")
        do {
            if let path, !path.isEmpty { return try CatalogueLoader.load(path: path) }
            return try EmbeddedCatalogue.load()
        } catch {
            throw Failure.catalogue(error)
        }
    }
}

enum Environment {
    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        return String(cString: raw)
    }
}
