import StaircaseCore

/// The idle lock's screen: why it is locked, whether the work is saved, what to do. It reads
/// nothing of the assessment but whether it is saved, so no name, id or note can reach it.
extension ScreenModel {
    static func locked(_ s: WizardState) -> ScreenModel {
        let lock = s.lock ?? WizardLock(needsPassphrase: false)
        var m = ScreenModel(
            title: "Staircase is locked", prompt: lock.needsPassphrase ? "Passphrase (not shown):" : "Press Enter to continue:")
        m.blocks = [
            TextBlock([
                "No key was pressed for a while, so the assessment is hidden in case this screen is left where others can see it."
            ])
        ]
        if s.assessment != nil {
            m.blocks.append(
                s.unsaved
                    ? TextBlock(.warning, ["Your last change could NOT be saved. Unlock to see why and what to do."])
                    : TextBlock(["Everything you entered is saved."]))
        }
        let what =
            lock.needsPassphrase
            ? "To go back to where you were, type the store's passphrase and press Enter."
            : "To go back to where you were, press any key."
        m.blocks.append(TextBlock([what]))
        if lock.checking {
            m.blocks.append(TextBlock(.note, ["Checking the passphrase…"]))
        } else if lock.wrong {
            let tries = lock.attempts == 1 ? "" : " (\(lock.attempts) wrong so far)"
            m.blocks.append(TextBlock(.warning, ["That passphrase does not unlock this store — try again\(tries)."]))
        }
        m.keys = KeyTable.bindings(for: KeyContext(s), in: s).map { KeyHint(keys: $0.keyLabel, label: $0.label, help: $0.help) }
        return m
    }
}
