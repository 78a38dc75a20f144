import StaircaseCore

/// How a cell looks. Colour is a role, not a colour: the backend maps roles to colour pairs, or
/// ignores them under NO_COLOR so that bold, reverse and underline alone carry meaning.
public struct Style: Hashable, Sendable {
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    public var role: Role = .normal

    public enum Role: Sendable, CaseIterable { case normal, accent, warning, danger, good }

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false, role: Role = .normal) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.role = role
    }

    public static let plain = Style()
    public static let title = Style(bold: true, role: .accent)
    public static let selected = Style(reverse: true)
    public static let key = Style(bold: true)
    public static let danger = Style(bold: true, role: .danger)
    public static let warning = Style(bold: true, role: .warning)
    public static let muted = Style(dim: true)
}

/// One terminal cell: a grapheme and its style. A wide character occupies its cell and marks
/// the next as a continuation, so the backend never draws half a character.
public struct ScreenCell: Hashable, Sendable {
    public var text: Character
    public var style: Style
    public var continuation: Bool

    public static let blank = ScreenCell(text: " ", style: .plain, continuation: false)
}

/// The whole screen as the views draw it; the backend diffs two of these.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [ScreenCell]
    public var cursor: (row: Int, column: Int)?
    /// Every mark in ASCII, for a terminal whose locale cannot show UTF-8 (`Glyphs.ascii`).
    public var ascii = false

    public static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor?.row == b.cursor?.row
            && a.cursor?.column == b.cursor?.column
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> ScreenCell {
        cells[row * width + column]
    }

    /// Writes text from a position, clipped to `limit` columns (default: the right edge) and
    /// ending in "…" when it had to be cut, measured by display width. Returns the column after
    /// the last character written. Text is sanitised here, the single point every string passes
    /// on its way to the terminal, and turned into ASCII when the terminal needs it.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard row >= 0, row < height, column >= 0 else { return column }
        let end = min(width, column + (limit ?? width))
        var safe = SafeText.clean(text)
        if ascii { safe = Glyphs.ascii(safe) }
        let plain = safe.utf8.allSatisfy({ $0 < 0x80 })
        if plain ? safe.utf8.count > end - column : DisplayWidth.of(safe) > end - column {
            safe = Self.cut(safe, to: end - column, ellipsis: self.ascii ? "..." : "…")
        }
        if safe.utf8.allSatisfy({ $0 < 0x80 }) {
            // Fast path for ASCII, one column per byte: most of the catalogue, and of every redraw.
            var x = column
            for byte in safe.utf8 {
                if x >= end { break }
                cells[row * width + x] = ScreenCell(text: Character(Unicode.Scalar(byte)), style: style, continuation: false)
                x += 1
            }
            return x
        }
        var x = column
        for ch in safe {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if x + w > end { break }
            cells[row * width + x] = ScreenCell(text: ch, style: style, continuation: false)
            if w == 2 { cells[row * width + x + 1] = ScreenCell(text: " ", style: style, continuation: true) }
            x += w
        }
        return x
    }

    /// Text cut to `columns` columns, ending in the ellipsis.
    static func cut(_ text: String, to columns: Int, ellipsis: String) -> String {
        guard columns > 0 else { return "" }
        let e = DisplayWidth.of(ellipsis)
        guard columns > e else { return String(ellipsis.prefix(columns)) }
        var out = ""
        var used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > columns - e { break }
            out.append(ch)
            used += w
        }
        while out.last == " " { out.removeLast() }
        return out + ellipsis
    }

    /// Paints a run of cells with a style (for highlighted rows and bars).
    public mutating func fill(row: Int, from column: Int, to end: Int, style: Style) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<min(width, end) {
            let c = cells[row * width + x]
            cells[row * width + x] = ScreenCell(text: c.text, style: style, continuation: c.continuation)
        }
    }

    /// Text rows, for snapshots and for tests that look for words on screen.
    public var lines: [String] {
        (0..<height).map { r in
            var s = ""
            for c in 0..<width where !self[r, c].continuation { s.append(self[r, c].text) }
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
