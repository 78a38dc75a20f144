import ArgumentParser
import StaircaseCore
import StaircaseStore
import StaircaseTUI

#if canImport(Glibc)
    import Glibc
#endif

/// `staircase train`: a participant's run in a training workshop. They choose a case from a
/// pack, read it, rate and decide on the real assessment screens, then see the model answer and
/// write a response file for the facilitator's report.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "A participant's training run: choose a case, rate it, decide, see the feedback.",
        discussion: """
            Runs are kept in the training store (training/ inside the store), never among real \
            assessments. After the decision the model answer is shown, and w writes your response \
            file (TRAINING-response-<id>.json, 0600) into the folder you choose.
            """)

    @OptionGroup var source: CatalogueOptions
    @Option(help: ArgumentHelp("The training pack (a file, or durham for the built-in pack).", valueName: "pack"))
    var pack: String?
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Your workshop alias (never your real name); asked for if not given.", valueName: "alias"))
    var alias: String?
    @Option(help: ArgumentHelp("Folder for your response files (a USB stick, a shared folder); asked for if not given.", valueName: "dir"))
    var responses: String?
    @Option(help: "Folder of the store (default: $XDG_DATA_HOME/staircase or ~/.local/share/staircase); runs go in its training/ folder.")
    var store: String?
    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if let alias, let problem = TrainingRun.aliasProblem(alias) { throw ValidationError("--as: \(problem)") }
    }

    func run() throws {
        try WizardLaunch(
            catalogue: source.catalogue, store: store, plain: display.plain, brief: display.brief,
            train: TrainOptions(pack: pack, alias: alias?.trimmed, responses: responses)
        ).run()
    }
}

/// What `staircase train` adds to a wizard launch.
struct TrainOptions {
    var pack: String?
    var alias: String?
    var responses: String?

    /// Loads the pack and opens the run on its list of cases.
    func prepare(_ state: inout WizardState, catalogue: Catalogue, documents: String) throws {
        let p = try TrainingFiles.loadPack(pack, catalogue: catalogue)
        var folder = documents
        if let responses {
            folder = responses.hasPrefix("/") ? responses : Self.currentDirectory() + "/" + responses
        }
        state.trainingRun = TrainingRun(pack: p, alias: alias, responsesFolder: folder, asksFolder: responses == nil)
        state.screen = .training(.choose)
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes through the store's writer; a folder typed without a leading / is in the documents folder.
    static func write(_ r: TrainingResponse, folder: String, documents: String) -> Result<String, HostError> {
        let dir = folder.hasPrefix("/") ? folder : documents + "/" + folder
        // A folder the participant names is made as the documents folder is (0700, missing
        // parents too), so a new folder on a USB stick needs no trip to a shell.
        do throws(StoreError) {
            try DocumentsFolder.ensure(dir)
        } catch {
            return .failure(.io(error.description))
        }
        do throws(SummaryWriteError) {
            return .success(try TrainingResponseWriter.write(r, toFolder: dir))
        } catch {
            return .failure(.io(error.description))
        }
    }
}
