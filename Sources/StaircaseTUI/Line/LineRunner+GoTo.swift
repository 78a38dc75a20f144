import StaircaseCore

/// Line mode's ways of moving around a domain without hearing every row on the way: `g 20` or
/// `g bereavement` goes to a row, `g` alone goes back to the row left by the last `g`, and `p`
/// says where you are. They move with the reducer's own `.move`, so the row shown is the row
/// every later key acts on, as in the full-screen wizard.
extension LineRunner {
    /// `g …` on a domain screen; returns a value when the run should end.
    mutating func goTo(_ argument: String) -> Int32? {
        guard case .domain(let d) = state.screen, !state.expanded else {
            say("g goes to a row on the domain screens (for example g 20, or g bereavement).")
            return nil
        }
        let rows = state.visibleRows(domain: d)
        let here = min(state.domainCursor[d], max(0, rows.count - 1))
        var target: Int?
        if argument.isEmpty {
            guard let back = returnRow, back.domain == d else {
                say("g alone goes back to the row you left with g; type g and a row number or words from its title.")
                return nil
            }
            target = rows.firstIndex { $0.indicator.id == back.row }
            if target == nil { say("The row you left is not shown now (the filter or the age hides it).") }
        } else if let n = Int(argument) {
            guard (1...max(1, rows.count)).contains(n), !rows.isEmpty else {
                say(
                    "There " + (rows.count == 1 ? "is 1 row" : "are \(rows.count) rows")
                        + " here: type g and a number from 1 to \(rows.count).")
                return nil
            }
            target = n - 1
        } else {
            let words = argument.lowercased()
            target =
                rows.firstIndex { $0.indicator.title.lowercased().contains(words) }
                ?? rows.firstIndex { $0.area.name.lowercased().contains(words) }
            if target == nil {
                let hidden = state.catalogue.domains[d].areas.flatMap(\.indicators).contains {
                    $0.title.lowercased().contains(words) && state.isForAnotherAge($0)
                }
                say(
                    hidden
                        ? "No row shown here has \"\(argument)\" in its title; one hidden for the child's age does (a shows it)."
                        : "No row here has \"\(argument)\" in its title or area; / and words filter by the descriptors too.")
            }
        }
        guard let target, !rows.isEmpty else { return nil }
        if target != here { returnRow = (d, rows[here].indicator.id) }
        return apply([.move(target - here)])
    }

    /// `p`: where am I, and nothing else.
    func position() -> [String] {
        let model = ScreenModel(state)
        var words = model.position ?? model.title
        if let t = model.tally { words += ", \(t.answered) answered" + (t.filter.isEmpty ? "" : ", filter \(t.filter)") }
        return LineRenderer.wrap(words + ".", console.width)
    }

    mutating func say(_ text: String) {
        console.write(LineRenderer.wrap(text, console.width))
    }
}
