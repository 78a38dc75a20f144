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
    @Argument(help: "An assessment JSON file, or - for standard input.")
    var file: String
    @Option(help: "The format: Markdown, plain text (80 columns), HTML to print, or JSON.")
    var format: ExportFormat = .markdown
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?
    @Flag(help: "Initials for names, an age band for the date of birth, no referrer contact.")
    var redact = false
    @Flag(help: "Replace the --output file if it already exists.")
    var force = false

    func validate() throws {
        if force && output == nil { throw ValidationError("--force needs --output PATH") }
    }

    func run() throws {
        try runReporting {
            let (catalogue, assessment) = try source.loadWithAssessment(file)
            let text = ReferralExporter.render(format: format, catalogue: catalogue, assessment: assessment, redact: redact)
            guard let output else {
                try FileHandleOutput.deliver(text)
                return
            }
            do throws(SummaryWriteError) {
                try SummaryFileWriter.write(text, to: output, force: force)
            } catch {
                throw Failure.io(SafeText.clean(error.description))
            }
            print("wrote \(SafeText.clean(output))")
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
