/// A table as plain-text columns within a width, for the chronology in the pasted summary and
/// in `compare`: the reader scans the dates down the left, and every row starts on a new line
/// with its date.
enum TextTable {
    /// Columns two spaces apart, a rule of dashes under the headers. When every cell fits on
    /// one line each column is as wide as its widest cell; otherwise the narrow columns keep
    /// their width and the wide ones share what is left. Every cell wraps within its column,
    /// an address too (cut, unlike in the summary's prose), so the columns stay aligned.
    static func lines(_ table: SummaryBlock.Table, width: Int) -> [String] {
        let n = table.headers.count
        guard n > 0 else { return [] }
        let cells = ([table.headers] + table.rows).map { row in (0..<n).map { i in i < row.count ? ExportText.line(row[i]) : "" } }
        let widths = columnWidths(cells, headers: table.headers.map(ExportText.line), width: width)
        var out: [String] = []
        for (r, row) in cells.enumerated() {
            let wrapped = (0..<n).map { i -> [String] in
                var lines: [String] = []
                TextWrap.wrap(Substring(row[i]), into: &lines, first: widths[i], rest: widths[i])
                return lines.isEmpty ? [""] : lines
            }
            for k in 0..<(wrapped.map(\.count).max() ?? 1) {
                let line = (0..<n).map { i in
                    let text = k < wrapped[i].count ? wrapped[i][k] : ""
                    return i == n - 1 ? text : text + String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(text)))
                }.joined(separator: "  ")
                out.append(ExportText.trimTrailing(Substring(line)))
            }
            if r == 0 { out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return out
    }

    /// Columns whose widest cell fits a fair share keep that width (narrowest first); the
    /// others share what is left in proportion to their widest cell, each at least `least`
    /// columns (or its widest cell, if narrower), so the longest text gets the most room.
    static func columnWidths(_ cells: [[String]], headers: [String], width: Int, least: Int = 14) -> [Int] {
        let n = headers.count
        let natural = (0..<n).map { i in max(1, cells.map { DisplayWidth.of($0[i]) }.max() ?? 1) }
        var left = width - 2 * (n - 1)
        guard natural.reduce(0, +) > left else { return natural }
        var widths = natural
        var wide: [Int] = []
        for (k, i) in (0..<n).sorted(by: { natural[$0] < natural[$1] }).enumerated() where wide.isEmpty {
            if natural[i] <= left / (n - k) {
                left -= natural[i]
            } else {
                wide = Array((0..<n).sorted(by: { natural[$0] < natural[$1] })[k...])
            }
        }
        let total = wide.map { natural[$0] }.reduce(0, +)
        for i in wide { widths[i] = max(min(least, natural[i]), left * natural[i] / max(1, total)) }
        // Floors can overshoot: the widest column gives the columns back.
        let over = widths.reduce(0, +) - (width - 2 * (n - 1))
        if over > 0, let widest = wide.last { widths[widest] = max(least, widths[widest] - over) }
        return widths
    }
}
