import ArgumentParser
import StaircaseCore
import StaircaseStore

/// `staircase training validate|report|handout`: what a facilitator needs before and after a
/// workshop. The participant's run in the wizard is `staircase train` (TrainCommand).
struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Training workshops: check a case pack, print handouts, report on the room's responses.",
        discussion: """
            PACK is a training pack JSON file, or `durham` for the built-in County Durham pack \
            (the default). Everything runs offline.
            """,
        subcommands: [Validate.self, Report.self, Handout.self])

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a pack against its catalogue; print a summary (exit 0) or every problem (exit 65).")

        @OptionGroup var source: CatalogueOptions
        @Argument(help: "The pack file (default: the built-in Durham pack).")
        var pack: String?

        func run() throws {
            try runReporting {
                let catalogue = try source.load()
                let p = try TrainingFiles.loadPack(pack, catalogue: catalogue)
                let ratings = p.cases.reduce(0) { $0 + $1.modelAnswer.ratings.count }
                let overruled = p.cases.filter { $0.modelAnswer.engineDifference != nil }.count
                FileHandleOutput.say(
                    "\(SafeText.clean(p.id)) \(SafeText.clean(p.version)): valid — \(p.cases.count) cases, \(ratings) model ratings, "
                        + "\(overruled) where the authors differ from the engine (with their reason); written for \(catalogue.id) \(catalogue.version)"
                )
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The facilitator's report: spread, agreement and the rows to debate first, for each case.",
            discussion: """
                Each PATH is a response file or a folder of them (*.json). Damaged files are \
                listed and the rest counted; responses to another pack version are refused; when \
                one alias answered a case twice, the latest counts. Participants are shown as A, \
                B, C... unless --named. With --output the report is written to a new 0600 file.
                """)

        @OptionGroup var source: CatalogueOptions
        @Option(help: "The pack the responses answer (a file, or durham).")
        var pack: String?
        @Argument(help: "Response files or folders of them.")
        var paths: [String] = []
        @Option(help: "txt, md, html or json.")
        var format: TrainingReportFormat = .txt
        @Flag(help: "Show participants' aliases instead of A, B, C...")
        var named = false
        @OptionGroup var destination: OutputOptions

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one response file or folder") }
        }

        func run() throws {
            try runReporting {
                let catalogue = try source.load()
                let p = try TrainingFiles.loadPack(pack, catalogue: catalogue)
                let (inputs, skipped) = try TrainingFiles.responseInputs(paths)
                for file in skipped {
                    FileHandleOutput.standardError(
                        "skipped \(SafeText.clean(file)): not a .json response file (folders are read one level of sub-folders deep)")
                }
                let report = TrainingReport.build(pack: p, catalogue: catalogue, inputs: inputs, named: named)
                // Advice for whoever runs the command, not for the printed or projected report.
                if !named { FileHandleOutput.standardError("participants are shown as A, B, C...; --named shows their aliases") }
                for f in report.refused { FileHandleOutput.standardError("refused \(f.file): \(f.reason)") }
                // No report of "0 participants": nothing counted is an error that says why.
                if report.responsesCounted == 0 {
                    if inputs.isEmpty {
                        throw Failure.missingInput(
                            "no response files (*.json) found in \(paths.map { SafeText.clean($0) }.joined(separator: ", ")) — check the folder the participants wrote to"
                        )
                    }
                    for f in report.damaged {
                        FileHandleOutput.standardError("damaged \(SafeText.clean(f.file)): \(SafeText.clean(f.reason))")
                    }
                    throw Failure.data(
                        "no response counted: all \(inputs.count) file(s) found were damaged or refused (listed above) — nothing to report")
                }
                try destination.emit(format.render(report))
            }
        }
    }

    struct Handout: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a case for paper: the narrative, or with --answers the facilitator's model-answer sheet.")

        @OptionGroup var source: CatalogueOptions
        @Option(help: "The pack (a file, or durham).")
        var pack: String?
        @Option(name: .customLong("case"), help: "The case id (see `staircase training handout --list`).")
        var caseID: String?
        @Flag(help: "List the pack's cases.")
        var list = false
        @Option(help: "html or md.")
        var format: TrainingHandout.Format = .html
        @Flag(help: "The model-answer sheet for the facilitator instead of the narrative.")
        var answers = false
        @OptionGroup var destination: OutputOptions

        func validate() throws {
            if !list && caseID == nil { throw ValidationError("give --case ID, or --list to see the cases") }
        }

        func run() throws {
            try runReporting {
                let catalogue = try source.load()
                let p = try TrainingFiles.loadPack(pack, catalogue: catalogue)
                if list {
                    for k in p.cases { print("\(k.id)\t\(SafeText.clean(k.title))") }
                    return
                }
                guard let caseID, let k = p.trainingCase(caseID) else {
                    throw Failure.usage(
                        "no case \"\(SafeText.clean(caseID ?? ""))\" in \(SafeText.clean(p.id)); use one of: "
                            + p.cases.map(\.id).joined(separator: ", "))
                }
                try destination.emit(TrainingHandout.render(pack: p, case: k, catalogue: catalogue, answers: answers, format: format))
            }
        }
    }
}

extension TrainingReportFormat: ExpressibleByArgument {}
extension TrainingHandout.Format: ExpressibleByArgument {}
