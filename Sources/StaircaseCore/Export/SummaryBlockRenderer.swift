/// A text format made of blocks separated by blank lines: Markdown and plain text. Each
/// renderer says how one block looks; joining them is the same for both.
public protocol SummaryBlockRenderer {
    static func render(_ block: SummaryBlock) -> String
}

extension SummaryBlockRenderer {
    public static func render(_ summary: ReferralSummary) -> String {
        render(summary.blocks)
    }

    public static func render(_ blocks: [SummaryBlock]) -> String {
        blocks.map { render($0) }.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }
}
