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

/// Wording shared by every format, so the four say the same thing.
enum ReportWords {
    static func stat(_ s: Statistic, band: String?) -> String {
        s.formatted() + (band.map { " (\($0))" } ?? "")
    }

    static func headline(_ a: TrainingReport.AgreementSummary) -> String {
        "Krippendorff's α (ordinal): " + stat(a.alphaOrdinal, band: a.alphaBand)
    }

    static func beside(_ a: TrainingReport.AgreementSummary) -> String {
        "Fleiss' κ: " + stat(a.fleissKappa, band: a.fleissBand) + "; exact agreement on the level: " + Agreement.percent(a.exact)
    }

    static func participants(_ r: TrainingReport) -> String {
        "\(r.participants) participant\(r.participants == 1 ? "" : "s"), \(r.responsesCounted) response\(r.responsesCounted == 1 ? "" : "s") counted. "
            + (r.named ? "Participants are shown by alias." : "Participants are anonymous (A, B, C…); --named shows aliases.")
    }

    static func duplicate(_ d: TrainingReport.Duplicate) -> String {
        "Participant \(d.participant) sent \(d.responses) responses to \(d.caseID); only the latest (recorded \(ExportText.displayDateTime(d.keptRecordedAt))) counts."
    }

    static func caseHeader(_ k: TrainingReport.CaseReport) -> String {
        "\(k.participants) participant\(k.participants == 1 ? "" : "s"). Model answer: Level \(k.model.level), step \(k.model.step)."
    }

    static func withModel(_ k: TrainingReport.CaseReport) -> String {
        "Agreement with the model answer: exact " + Agreement.percent(k.withModelExact) + ", within one level "
            + Agreement.percent(k.withModelWithinOne)
    }

    static func rowCounts(_ r: TrainingReport.RowReport) -> String {
        (1...4).map { "L\($0): \(r.counts[$0 - 1])" }.joined(separator: "  ")
            + "  not applicable: \(r.notApplicable)  skipped: \(r.skipped)"
    }

    static func rowStats(_ r: TrainingReport.RowReport) -> String {
        // "of pairs" only after a number: "not defined, because …" is a sentence of its own.
        let disagreement: String
        switch r.disagreement {
        case .value: disagreement = Agreement.percent(r.disagreement) + " of pairs"
        case .notDefined: disagreement = Agreement.percent(r.disagreement)
        }
        return "Disagreement: " + disagreement + ". Row α across cases: " + r.alphaAcrossCases.formatted()
    }

    static func rowTitle(_ r: TrainingReport.RowReport) -> String {
        "\(r.title) [\(r.row)]" + (r.modelLevel.map { " — model Level \($0)" } ?? " — not in the model answer")
    }

    static func decisions(_ k: TrainingReport.CaseReport) -> String {
        k.decisions.map { "\($0.participant): Level \($0.level), step \($0.step) (\($0.minutes) min)" }.joined(separator: "; ")
    }

    static let method =
        "How to read this: α and κ per case are over every judgement made on the case on the 1–4 scale (the overall level and each row); "
        + "% exact is the share of pairs of participants who chose the same level. Bands are Landis & Koch: poor (< 0), slight (0–0.20), "
        + "fair (0.21–0.40), moderate (0.41–0.60), substantial (0.61–0.80), almost perfect (0.81–1). Rows are listed most disputed first."

    /// A bar of `#` scaled so the longest is `width` characters.
    static func bar(_ count: Int, max: Int, width: Int = 30) -> String {
        guard max > 0, count > 0 else { return "" }
        return String(repeating: "#", count: Swift.max(1, count * width / Swift.max(max, 1)))
    }
}
