import StaircaseCore

/// Line mode's idle lock: every prompt reads through `read`, which locks first once the idle
/// time has passed, so no answer typed after it is ever used; the lock in line mode's own words.
extension LineRunner {
    /// What one prompt read: an answer to use, or none because the idle lock came first (with
    /// the status to stop with when the run should end while locked).
    enum Read {
        case answer(LineInput)
        case locked(Int32?)
    }

    /// Every prompt of line mode reads through here (the screen's, a follow-up question's, a
    /// text field's), so the idle lock comes first at each of them: once the idle time has
    /// passed, the wizard locks and the answer typed after it is never used (it may not be the
    /// user's). A terminal console locks as soon as the time passes.
    mutating func read(_ prompt: String) -> Read {
        let asked = host.clock()
        let input = console.ask(prompt, idleAfter: state.lock == nil ? host.idleLock : nil)
        if input == .idle || (input != .end && host.idleDue(since: asked, state)) {
            if case .signal = input { return .answer(input) }
            return .locked(lockAndWait())
        }
        return .answer(input)
    }

    /// The idle lock in line mode: saves, prints the lock text (nothing of the case), and asks for
    /// the passphrase (not echoed at a terminal) until it is right, or for Enter on a plain store.
    /// Returns a value when the run should end.
    mutating func lockAndWait() -> Int32? {
        host.stamp(&state)
        if host.perform(Wizard.reduce(&state, .idle(needsPassphrase: host.unlock != nil)), on: &state) { return 0 }
        while let lock = state.lock {
            let model = ScreenModel(state)
            console.write([""] + Self.lockLines(state, width: console.width))
            let prompt = LineRenderer.prompt(model, width: console.width)
            console.write(Array(prompt.dropLast()))
            let input = lock.needsPassphrase ? console.askSecret(prompt.last ?? "") : console.ask(prompt.last ?? "")
            switch input {
            case .end, .signal, .idle: return stopped(input)
            case .line(let typed):
                var effects: [Effect] = []
                if lock.needsPassphrase { for c in typed { effects += Wizard.reduce(&state, .type(c)) } }
                effects += Wizard.reduce(&state, .unlock)
                if host.perform(effects, on: &state) { return 0 }
            }
        }
        shown = nil
        console.write(["", "Unlocked. What was typed before the lock was not used; here is where you were."])
        return nil
    }

    /// The lock in line mode's own words: what happened, whether the work is saved, what to
    /// type (Enter, not "any key"); nothing of the assessment.
    static func lockLines(_ s: WizardState, width: Int) -> [String] {
        guard let lock = s.lock else { return [] }
        var lines = ["Staircase is locked: nothing was typed for a while, so the assessment is not shown."]
        if s.assessment != nil {
            lines.append(
                s.unsaved
                    ? "Warning: your last change could NOT be saved. Unlock to hear why and what to do."
                    : "Every answer you finished with Enter is saved; a line typed but not finished was not used.")
        }
        if lock.wrong {
            let tries = lock.attempts == 1 ? "" : " (\(lock.attempts) wrong so far)"
            lines.append("Warning: that passphrase does not unlock this store; try again\(tries).")
        }
        lines.append(
            lock.needsPassphrase
                ? "Type the store's passphrase and press Enter to go back to where you were."
                : "Press Enter to go back to where you were.")
        return lines.flatMap { LineRenderer.wrap($0, width) }
    }
}
