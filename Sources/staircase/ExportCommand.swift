import ArgumentParser
import StaircaseCore
import StaircaseStore

/// `staircase export FILE`: the referral summary of a saved assessment, in one of four formats.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the referral summary of an assessment as Markdown, plain text, HTML or JSON.",
        discussion: """
            Without --output the summary is printed. With --output it is written to a new file \
            that only you can read (mode 0600); an existing file is never replaced unless you \
            pass --force. The date in the summary is the decision's, so the same assessment \
            always gives the same bytes.
            """)

    @OptionGroup var source: CatalogueOptions
    @Argument(help: "An assessment JSON file, a saved id (see `staircase sessions list`), or - for standard input.")
    var file: String
    @Option(help: "The format: Markdown, plain text (80 columns), HTML to print, or JSON.")
    var format: ExportFormat = .markdown
    @Flag(
        help:
            "Replace every name the record knows, in every field and inside free text; an age band for the date of birth; no address or contact details."
    )
    var redact = false
    @OptionGroup var destination: OutputOptions
    @Option(
        help:
            "Folder for saved assessments, searched for an earlier assessment of the same child for \"Since last time\" (default: $XDG_DATA_HOME/staircase or ~/.local/share/staircase)."
    )
    var store: String?

    func run() throws {
        try runReporting {
            let (catalogue, assessment) = try source.loadWithAssessment(file, store: store)
            // The store only adds the earlier assessment; a summary without it is still written.
            let sessions = try? openStore(store, create: false)
            let summary = ChildRecords.summary(catalogue: catalogue, assessment: assessment, redact: redact, store: sessions)
            let text = ReferralExporter.render(format: format, summary: summary)
            // Fixed wording only: no value from the file reaches stderr.
            for warning in summary.warnings { FileHandleOutput.standardError("warning: " + warning) }
            try destination.emit(text)
        }
    }
}

extension ExportFormat: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "md", "markdown": self = .markdown
        case "txt", "text": self = .text
        case "html", "htm": self = .html
        case "json": self = .json
        default: return nil
        }
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
