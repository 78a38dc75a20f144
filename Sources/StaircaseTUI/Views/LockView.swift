import StaircaseCore

/// The idle lock drawn over nothing: the whole screen is cleared and only the lock's model is
/// laid out (a title bar without initials, the text, the masked field, the footer).
enum LockView {
    static func draw(_ m: ScreenModel, _ s: WizardState, _ b: inout ScreenBuffer) {
        b.fill(row: 0, from: 0, to: s.width, style: .selected)
        b.put(" Staircase · locked", row: 0, column: 0, style: .selected)
        let width = max(1, min(s.width - 4, 76))
        let left = max(0, (s.width - width) / 2)
        var y = max(2, s.height / 2 - 6)
        b.put(m.title, row: y, column: left, style: .title)
        y += 2
        for block in m.blocks {
            for p in block.paragraphs {
                for line in TextWrap.paragraph(p, width: width) where y < s.height - 2 {
                    b.put(line, row: y, column: left, style: View.style(block.kind))
                    y += 1
                }
            }
            y += 1
        }
        // The masked field is layout, as a text field's cursor is: line mode asks with its own prompt.
        if let lock = s.lock, lock.needsPassphrase, y < s.height - 2 {
            b.put("Passphrase:", row: y, column: left, style: .key)
            b.put(String(repeating: "*", count: lock.field.count) + "_", row: y, column: left + 12, limit: width - 12)
        }
        if s.height > 1 {
            b.fill(row: s.height - 1, from: 0, to: s.width, style: .selected)
            b.put(" " + KeyMap.footer(for: s), row: s.height - 1, column: 0, style: .selected)
        }
    }
}
