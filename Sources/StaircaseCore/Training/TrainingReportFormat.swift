#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The formats `staircase training report` writes.
public enum TrainingReportFormat: String, CaseIterable, Sendable {
    case txt, md, html, json

    public func render(_ report: TrainingReport) -> String {
        switch self {
        case .txt: TrainingReportText.render(report)
        case .md: TrainingReportMarkdown.render(report)
        case .html: TrainingReportHTML.render(report)
        case .json: TrainingReportJSON.render(report)
        }
    }
}

/// The report as stable JSON (sorted keys, statistics rounded to four places).
public enum TrainingReportJSON {
    public static func render(_ report: TrainingReport) -> String {
        guard let data = try? JSONEncoder.stable.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
