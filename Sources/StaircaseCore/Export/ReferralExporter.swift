#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The formats the referral summary can be written in.
public enum ExportFormat: String, CaseIterable, Sendable, Codable {
    case markdown = "md"
    case text = "txt"
    case html
    case json

    /// The file name extension, without the dot; the wizard proposes `<name>.<ext>`.
    public var fileExtension: String { rawValue }

    /// For menus and help text.
    public var displayName: String {
        switch self {
        case .markdown: "Markdown"
        case .text: "Plain text (80 columns)"
        case .html: "HTML (to read or print to PDF)"
        case .json: "JSON (Data/summary.schema.json)"
        }
    }
}

/// The one entry point for exporting: the command line and the wizard both call this, so the
/// same assessment gives the same bytes whichever way it is exported.
public enum ReferralExporter {
    /// Scores the assessment with the catalogue's engine, builds the summary and renders it.
    public static func render(format: ExportFormat, catalogue: Catalogue, assessment: Assessment, redact: Bool) -> String {
        let proposal = ScoringEngine(catalogue: catalogue).propose(assessment)
        let summary = ReferralSummary.build(catalogue: catalogue, assessment: assessment, proposal: proposal, redact: redact)
        return render(format: format, summary: summary)
    }

    public static func render(format: ExportFormat, summary: ReferralSummary) -> String {
        switch format {
        case .markdown: MarkdownRenderer.render(summary)
        case .text: TextRenderer.render(summary)
        case .html: HTMLRenderer.render(summary)
        case .json: json(summary)
        }
    }

    /// Pretty-printed with sorted keys, so the output is stable and diffs well.
    public static func json(_ summary: ReferralSummary) -> String {
        let encoder = JSONEncoder.stable
        do {
            return String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n"
        } catch {
            // Encoding plain structs of strings, numbers and booleans cannot fail; say so if it does.
            return "{\"error\": \"the summary could not be encoded\"}\n"
        }
    }
}
