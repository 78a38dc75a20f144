import ArgumentParser
import StaircaseCore
import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// `staircase export FILE`: the referral summary of a saved assessment, in one of four formats.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the referral summary of an assessment as Markdown, plain text, HTML or JSON.",
        discussion: """
            Without --output the summary is printed. With --output it is written to a new file \
            that only you can read (mode 0600); an existing file is never replaced unless you \
            pass --force. The date in the summary is the decision's, so the same assessment \
            always gives the same bytes. With --to age1... (repeatable) the file is an age file \
            that only those recipients can open. A full summary of a saved assessment written \
            with --output is recorded in the assessment (for `sessions purge --exported`).
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
        name: .customLong("to"),
        help: "Encrypt the file to this age recipient (age1..., as `age-keygen -y` prints it); repeat for several. Needs --output.")
    var recipients: [String] = []
    @Option(
        help:
            "Folder for saved assessments, searched for an earlier assessment of the same child for \"Since last time\" (default: $XDG_DATA_HOME/staircase or ~/.local/share/staircase)."
    )
    var store: String?

    func validate() throws {
        if !recipients.isEmpty && destination.output == nil {
            throw ValidationError("--to needs --output PATH: an encrypted summary is a binary file, not text for the terminal")
        }
    }

    func run() throws {
        try runReporting {
            let sealing: ExportRecipients
            do throws(ExportRecipients.Invalid) {
                sealing = try ExportRecipients(recipients)
            } catch {
                throw Failure.usage(error.description)
            }
            try destination.refuseExistingOutput()
            let (catalogue, assessment) = try source.loadWithAssessment(file, store: store)
            // The store only adds the earlier assessment; a summary without it is still written.
            let sessions = try? openStore(store, create: false)
            let summary = ChildRecords.summary(catalogue: catalogue, assessment: assessment, redact: redact, store: sessions)
            let text = ReferralExporter.render(format: format, summary: summary)
            // Fixed wording only: no value from the file reaches stderr.
            for warning in summary.warnings { FileHandleOutput.standardError("warning: " + warning) }
            if sealing.isEmpty {
                try destination.emit(text)
            } else {
                let sealed: [UInt8]
                do throws(SummaryWriteError) {
                    sealed = try sealing.seal(text)
                } catch {
                    throw Failure.io(SafeText.clean(error.description))
                }
                try destination.emit(sealed: sealed)
            }
            if let sessions, destination.output != nil, !redact {
                record(assessment, in: sessions, encrypted: !sealing.isEmpty)
            }
        }
    }

    /// Notes the export in the saved assessment it came from (`Assessment.lastExport`), under its
    /// lock. Only a saved assessment of the store (by id or by its path), never another file or
    /// standard input; printing is not recorded (it may only have been read on screen), nor is a
    /// redacted summary. The export is already written, so nothing here fails the command: an
    /// assessment open in a wizard is left unrecorded, and stderr says so.
    func record(_ assessment: Assessment, in sessions: SessionStore, encrypted: Bool) {
        guard file != "-", let saved = try? sessions.path(for: assessment.id), let source = try? SavedAssessment.path(file, store: store),
            Self.sameFile(source, saved)
        else { return }
        let id = SafeText.clean(assessment.id)
        let record = Assessment.ExportRecord(at: Clock().timestamp(), format: format, encrypted: encrypted)
        do throws(StoreError) {
            if try !sessions.recordExport(record, of: assessment) {
                FileHandleOutput.standardError("note: \(id) changed while it was exported, so this export is not recorded in it")
            }
        } catch {
            if case .openElsewhere = error {
                FileHandleOutput.standardError(
                    "note: \(id) is open in a wizard, so this export is not recorded in it "
                        + "(`sessions purge --exported` counts it once it is exported again, from the wizard or after closing it)")
            } else {
                FileHandleOutput.standardError(
                    "note: the summary was written, but recording the export in \(id) failed: \(error.description)")
            }
        }
    }

    /// The same file, however the path was written.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        guard let x = realpath(a, nil) else { return false }
        defer { free(x) }
        guard let y = realpath(b, nil) else { return false }
        defer { free(y) }
        return strcmp(x, y) == 0
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
