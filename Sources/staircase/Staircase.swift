import ArgumentParser
import CTerminalGuard
import StaircaseCore
import StaircaseStore

#if canImport(Glibc)
    import Glibc
#else
    #error("Staircase builds on Linux only (Glibc and the system's ncursesw); see Package.swift")
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

            FILES
            - $XDG_DATA_HOME/staircase (default ~/.local/share/staircase): saved assessments, \
            encrypted in the age format with the store's passphrase (asked on first use).
            - /etc/staircase/config: the organisation's settings (retention-days, \
            idle-lock-minutes, store-encryption); $XDG_CONFIG_HOME/staircase/config (default \
            ~/.config/staircase/config): a user's, which may only make them stricter.
            - /etc/staircase/recipients: the organisation's recovery public keys (age1..., one \
            a line); every saved file is also encrypted to them.
            - Examples of both: /usr/share/doc/staircase/examples.

            ENVIRONMENT
            - STAIRCASE_STORE_UNENCRYPTED=1: keep a new store plain (refused where the \
            organisation's settings say store-encryption = on).
            - STAIRCASE_IDLE_LOCK: minutes (or 30s, or off) before the wizard locks; it may only \
            shorten the organisation's time.
            - STAIRCASE_RECIPIENTS: a further file of recovery recipients.
            - STAIRCASE_CATALOGUE: another authority's catalogue, as --catalogue PATH.
            - STAIRCASE_ACCESSIBLE=1 or TERM=dumb: line mode, for screen readers and braille.
            - NO_COLOR, XDG_DATA_HOME, XDG_STATE_HOME (recovery copies), XDG_CONFIG_HOME, \
            XDG_DOCUMENTS_DIR (where summaries are written).

            EXIT STATUS
            \(Failure.statusHelp)
            """,
        version: StaircaseVersion.current,
        subcommands: [
            AssessCommand.self, CatalogueCommand.self, ScoreCommand.self, ExportCommand.self, CompareCommand.self, SessionsCommand.self,
            StartupBenchCommand.self, TrainingCommand.self, TrainCommand.self,
            SettingsCommand.self,
        ],
        defaultSubcommand: AssessCommand.self
    )

    /// With no arguments, which is how a practitioner starts it, the wizard runs without the
    /// argument parser: its reflection over every command cost about 4 ms of a cold start
    /// (measured by Scripts/bench-tui). Any argument goes through the parser as usual.
    static func main() {
        // Before any data is read: no core file can hold a child's record, no other process of
        // this user can read our memory, and a closed pipe cannot kill a command mid-write.
        _ = tg_harden()
        tg_ignore_sigpipe()
        do {
            // argc, not `arguments.count`: building the array costs a generic instantiation.
            if CommandLine.argc <= 1 {
                try WizardLaunch().run()
            } else {
                // The parser's own `main(nil)`, with the typeahead thrown away on an error.
                rejectUnknownCommand(CommandLine.arguments[1])
                var command = try parseAsRoot(nil)
                try command.run()
            }
        } catch {
            if exitCode(for: error) != .success { Failure.discardTypeahead() }
            exit(withError: error)
        }
    }
}

/// The commands a first argument may name, read from the parser's own list so the two cannot
/// drift. Without this check, the default command (`assess`) would take "frobnicate" as its
/// own argument and print the wrong usage.
var commandNames: [String] {
    ["help"] + Staircase.configuration.subcommands.map { $0._commandName }
}

/// The commands named in the "unknown command" message: the visible ones, in the parser's order.
var visibleCommandNames: [String] {
    Staircase.configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
}

func rejectUnknownCommand(_ first: String) {
    guard !first.hasPrefix("-"), !commandNames.contains(first) else { return }
    Failure.usage(
        "staircase: unknown command '\(SafeText.clean(first))'; the commands are "
            + visibleCommandNames.map { $0 == "assess" ? "assess (the default)" : $0 }.joined(separator: ", ")
            + " — see `staircase --help`"
    ).exit()
}

/// Options shared by every command that needs a catalogue.
struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: "A catalogue JSON file (default: the built-in Durham catalogue, or $STAIRCASE_CATALOGUE).")
    var catalogue: String?

    /// The catalogue to use: the flag, then the environment, then the embedded default.
    func load() throws -> Catalogue {
        try Self.load(path: catalogue)
    }

    /// `validatingBuiltIn` runs the validator on the built-in catalogue again, for `catalogue validate`.
    static func load(path flag: String?, validatingBuiltIn: Bool = false) throws -> Catalogue {
        let path = flag ?? Environment.value("STAIRCASE_CATALOGUE")
        do {
            if let path, !path.isEmpty { return try CatalogueFile.load(path: path) }
            return try validatingBuiltIn ? EmbeddedCatalogue.validated() : EmbeddedCatalogue.load()
        } catch {
            throw Failure.catalogue(error)
        }
    }
}

/// Environment variables read with getenv: Foundation's `ProcessInfo` copies the whole
/// environment and cost about 1 ms of a cold start.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        return String(cString: raw)
    }

    static func values(_ names: String...) -> [String: String] {
        // Sized once: growing the dictionary ran a generic specialisation that the link shares
        // with swift-argument-parser, built without this package's metadata accessors, and its
        // first call had the runtime scan every protocol conformance in the binary (issue 26).
        var found = [String: String](minimumCapacity: names.count)
        for name in names { found[name] = value(name) }
        return found
    }
}
