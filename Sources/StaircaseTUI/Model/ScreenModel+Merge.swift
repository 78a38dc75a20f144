import StaircaseCore

/// The merge screen's meaning: when each side was last changed, each part that differs with
/// both answers and the side it keeps, and the line that saves. Line mode asks a part's side as
/// a numbered question; the curses view lists the parts and shows the selected one in full.
extension ScreenModel {
    static func merge(_ s: WizardState) -> ScreenModel {
        guard let m = s.merge else { return ScreenModel(title: "Recovery copy", prompt: "") }
        let n = m.differences.count
        let position = s.cursor < n ? "Part \(s.cursor + 1) of \(n)" : "Save the merged assessment"
        var model = ScreenModel(
            title: "Recovery copy: the saved version changed since", position: position,
            prompt: n == 0 ? "m saves, b changes nothing:" : "Choose a part (1-\(n)), m saves the merged assessment, b changes nothing:")
        model.blocks = [
            TextBlock([
                "Saved in the store: last changed \(when(m.saved.updatedAt)). Recovery copy (not in the store): last changed "
                    + "\(when(m.copy.updatedAt)).",
                n == 0
                    ? "Nothing differs: saving keeps the saved assessment and removes the copy."
                    : Plural.parts(n) + (n == 1 ? " differs. It keeps" : " differ. Each keeps")
                        + " the saved answer unless you choose the copy’s (or, for text, both).",
            ])
        ]
        for (i, d) in m.differences.enumerated() {
            let side = m.side(i)
            let choices = m.sides(i).enumerated().map { k, option in
                Choice("\(k + 1)", sideLabel(option, d), current: option == side, ScreenModel.select(s, i) + [.mergeTake(option)])
            }
            var c = Choice("\(i + 1)", "\(d.label): saved \(d.saved); copy \(d.copy). Keeps \(sideWord(side)).", [])
            c.then = Question(
                prompt: "Which for “\(d.label)”? (1-\(choices.count), Enter keeps \(sideWord(side))):", choices: choices,
                enter: "Enter keeps \(sideWord(side))", enterActions: [])
            model.choices.append(c)
        }
        model.choices.append(Choice("m", "Save the merged assessment", ScreenModel.select(s, n) + [.activate]))
        return model
    }

    /// "2026-12-07 08:05" from a timestamp (the record's own words when it is not one).
    static func when(_ stamp: String) -> String {
        let chars = Array(stamp)
        guard chars.count >= 16, chars[10] == "T" else { return SafeText.clean(stamp) }
        return String(chars[0..<10]) + " " + String(chars[11..<16])
    }

    static func sideWord(_ side: AssessmentMerge.Side) -> String {
        switch side {
        case .saved: "the saved answer"
        case .copy: "the copy’s answer"
        case .both: "both, each marked"
        }
    }

    static func sideLabel(_ side: AssessmentMerge.Side, _ d: AssessmentMerge.Difference) -> String {
        switch side {
        case .saved: "Keep the saved answer: \(d.saved)"
        case .copy: "Take the copy’s answer: \(d.copy)"
        case .both: "Keep both, each marked"
        }
    }
}
