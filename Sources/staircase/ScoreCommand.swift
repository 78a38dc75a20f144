import ArgumentParser
import StaircaseCore
import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `staircase score FILE`: the engine's proposal for a saved assessment, as text or JSON.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Propose a level and step for an assessment file, with the reasons.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var source: CatalogueOptions
    @Argument(help: "An assessment JSON file, a saved id (see `staircase sessions list`), or - for standard input.")
    var file: String
    @Option(help: "text (default) or json.")
    var format: Format = .text

    func run() throws {
        try runReporting {
            let (catalogue, assessment) = try source.loadWithAssessment(file)
            let proposal = ScoringEngine(catalogue: catalogue).propose(assessment)
            switch format {
            case .json:
                let encoder = JSONEncoder.stable
                try FileHandleOutput.deliver(String(decoding: try encoder.encode(proposal), as: UTF8.self) + "\n")
            case .text:
                try FileHandleOutput.deliver(ProposalText.render(proposal, catalogue: catalogue, width: 80))
            }
        }
    }
}

extension CatalogueOptions {
    /// The catalogue, and an assessment file checked against it; errors become exit codes
    /// (66 for a missing file, 65 for bad data).
    func loadWithAssessment(_ file: String, store: String? = nil) throws -> (Catalogue, Assessment) {
        let catalogue = try load()
        let path = try SavedAssessment.path(file, store: store)
        var bytes: [UInt8]
        do throws(AssessmentFile.ReadError) {
            // Refused from its size before it is read: a 4 MB limit keeps memory bounded.
            bytes = try AssessmentFile.read(path)
        } catch {
            switch error {
            case .tooLarge: throw Failure.data(SafeText.clean(error.description))
            case .unreadable: throw Failure.missingInput(SafeText.clean(error.description))
            }
        }
        let name = path == "-" ? "stdin" : CatalogueLoader.displayName(path)
        if SessionStore.isEncrypted(bytes) {
            // An encrypted save: unlocked with the store's passphrase, decrypted in memory only.
            let sessions = try openStore(store, create: false)
            do throws(StoreError) {
                bytes = try sessions.decryptIfNeeded(bytes, path: name)
            } catch {
                throw Failure(error)
            }
        }
        do {
            let assessment = try AssessmentLoader.decode(data: Data(bytes), file: name)
            try AssessmentLoader.check(assessment, against: catalogue, file: name)
            return (catalogue, assessment)
        } catch {
            throw error.isUnreadable ? Failure.missingInput(error.description) : Failure.data(error.description)
        }
    }
}

/// What `score`, `export` and `sessions` accept: a path, "-", or the id of a saved assessment
/// (as `sessions list` prints it).
enum SavedAssessment {
    static func path(_ argument: String, store: String? = nil) throws -> String {
        if argument == "-" { return argument }
        var st = stat()
        if stat(argument, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFDIR {
                throw Failure.missingInput(
                    "\(SafeText.clean(argument)) is a folder, not an assessment file — give a .json file, or a saved id from `staircase sessions list`"
                )
            }
            return argument
        }
        guard !argument.contains("/"), SessionStore.isValid(id: argument) else { return argument }
        // Only the path is needed here: the passphrase is asked once, when the file is read.
        let sessions = try storeFolder(store)
        guard let saved = try? sessions.path(for: argument), stat(saved, &st) == 0 else {
            throw Failure.missingInput(
                "\(SafeText.clean(argument)): no such file, and no saved assessment with that id in \(SafeText.clean(sessions.directory))"
                    + " — give a path, or an id from `staircase sessions list`")
        }
        return saved
    }
}

extension AssessmentError {
    var isUnreadable: Bool {
        if case .unreadable = self { return true }
        return false
    }
}
