/// The child's journey as an inline SVG chart for the HTML summary: no script, no font, nothing
/// loaded, so the summary's Content-Security-Policy still holds.
///
/// The vertical scale is the staircase's own: steps 1 to 5, labelled with their levels (Level 4
/// has steps 4 and 5). Assessments stand in order, one column each, dated underneath, joined by
/// a stepped line. A filled dot is a decision; a hollow one a proposal not yet decided.
public enum JourneyChart {
    static let left = 130
    static let columnWidth = 90
    static let top = 16
    static let stepHeight = 34
    static let bottom = 70

    public static func svg(_ points: [ReferralSummary.JourneyPoint]) -> String {
        let width = left + max(1, points.count) * columnWidth + 10
        let plotBottom = top + 4 * stepHeight
        let height = plotBottom + bottom
        func y(_ step: Int) -> Int { top + (5 - min(5, max(1, step))) * stepHeight }
        func x(_ i: Int) -> Int { left + i * columnWidth + columnWidth / 2 }
        let label =
            "The child's journey on the staircase: "
            + points.map {
                "\($0.date) Level \($0.level) step \($0.step)\($0.basis == .proposed ? " proposed" : "")"
                    + ($0.eventsWords.map { " " + $0 } ?? "")
            }.joined(
                separator: "; ")
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" aria-label=\"\(HTMLRenderer.escape(label))\" "
            + "style=\"max-width: 100%; height: auto; font: 11px sans-serif\">\n"
        for step in 1...5 {
            let level = step == 5 ? 4 : step
            out += "<line x1=\"\(left)\" y1=\"\(y(step))\" x2=\"\(width - 10)\" y2=\"\(y(step))\" stroke=\"#ccc\"/>\n"
            out += "<text x=\"\(left - 8)\" y=\"\(y(step) + 4)\" text-anchor=\"end\">Level \(level) · step \(step)</text>\n"
        }
        if !points.isEmpty {
            var path = "M\(x(0)) \(y(points[0].step))"
            for i in points.indices.dropFirst() { path += " H\(x(i)) V\(y(points[i].step))" }
            out += "<path d=\"\(path)\" fill=\"none\" stroke=\"#0b4f9c\" stroke-width=\"2\"/>\n"
        }
        for (i, p) in points.enumerated() {
            let decided = p.basis == .decided
            let what =
                "\(p.date): Level \(p.level), step \(p.step) (\(decided ? "decided" : "proposed; not decided"))"
                + (p.current ? ", this assessment" : "") + (p.eventsWords.map { "; " + $0 } ?? "")
            out +=
                "<circle cx=\"\(x(i))\" cy=\"\(y(p.step))\" r=\"\(p.current ? 7 : 5)\" fill=\"\(decided ? "#0b4f9c" : "#fff")\" "
                + "stroke=\"#0b4f9c\" stroke-width=\"2\"><title>\(HTMLRenderer.escape(what))</title></circle>\n"
            out += "<text x=\"\(x(i))\" y=\"\(plotBottom + 18)\" text-anchor=\"middle\">\(HTMLRenderer.escape(p.date))</text>\n"
            if p.current { out += "<text x=\"\(x(i))\" y=\"\(plotBottom + 32)\" text-anchor=\"middle\">this one</text>\n" }
            if let events = p.eventsWords {
                out += "<text x=\"\(x(i))\" y=\"\(plotBottom + 46)\" text-anchor=\"middle\">\(HTMLRenderer.escape(events))</text>\n"
            }
        }
        out += "<text x=\"\(left)\" y=\"\(height - 6)\">● decided   ○ proposed, not yet decided</text>\n"
        return out + "</svg>"
    }
}
