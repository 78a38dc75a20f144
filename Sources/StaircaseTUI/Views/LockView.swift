import StaircaseCore

/// The idle lock drawn over nothing: the whole screen is cleared and only the lock's model is
/// laid out (a title bar without initials, the text, the masked field, the footer).
enum LockView {
    static func draw(_ m: ScreenModel, _ s: WizardState, _ v: Viewport, _ b: inout ScreenBuffer) {
        b.fill(row: 0, from: 0, to: b.width, style: .selected)
        b.put(" Staircase · locked", row: 0, column: 0, style: .selected)
        let width = max(1, min(b.width - 4, 76))
        let left = max(0, (b.width - width) / 2)
        var y = max(2, b.height / 2 - 6)
        b.put(m.title, row: y, column: left, style: .title)
        y += 2
        for block in m.blocks {
            for p in block.paragraphs {
                for line in TextWrap.paragraph(p, width: width) where y < b.height - 2 {
                    b.put(line, row: y, column: left, style: View.style(block.kind))
                    y += 1
                }
            }
            y += 1
        }
        // The masked field is layout, as a text field's cursor is: line mode asks with its own prompt.
        if let lock = s.lock, lock.needsPassphrase, y < b.height - 2 {
            b.put("Passphrase:", row: y, column: left, style: .key)
            b.put(String(repeating: "*", count: lock.field.count) + "_", row: y, column: left + 12, limit: width - 12)
        }
        if b.height > 1 {
            b.fill(row: b.height - 1, from: 0, to: b.width, style: .selected)
            b.put(" " + KeyMap.footer(for: s, in: v), row: b.height - 1, column: 0, style: .selected)
        }
    }
}
