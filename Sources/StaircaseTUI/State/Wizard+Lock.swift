import StaircaseCore

/// The idle lock (issue 14): after a time without a key press the wizard saves, then hides the
/// case behind a screen with no personal data until the store's passphrase is typed (a key
/// press for a plain store). The run loop keeps the idle clock and sends `.idle`; the host
/// checks the passphrase (`WizardHost.unlock`), so the reducer stays pure.
public struct WizardLock: Equatable, Sendable {
    /// The store is encrypted: the passphrase unlocks it. Otherwise any key continues.
    public var needsPassphrase: Bool
    /// The passphrase being typed, shown masked; cleared as soon as it is sent to be checked.
    public var field = ""
    /// The last passphrase typed did not unlock the store.
    public var wrong = false
    /// How many wrong passphrases so far (said on the screen, never a reason to give up).
    public var attempts = 0
    /// A passphrase is being checked (scrypt takes about a second).
    public var checking = false
    /// The text field that was open when the lock came: its text was saved, and it opens again
    /// with its text and cursor on unlock, so typing carries on where it stopped. Never drawn.
    public var reopen: TextField?

    public init(needsPassphrase: Bool) { self.needsPassphrase = needsPassphrase }

    /// A field's worth of passphrase; longer input is ignored rather than kept.
    static let maximumLength = 1024
}

extension Wizard {
    /// Handles an action while the wizard is locked; nil lets the action through (the host's
    /// answers, a resize, a signal), since they show nothing of the case.
    static func locked(_ s: inout WizardState, _ action: WizardAction) -> [Effect]? {
        guard var lock = s.lock else { return nil }
        defer { if s.lock != nil { s.lock = lock } }
        switch action {
        case .type(let c):
            guard lock.needsPassphrase, !lock.checking, lock.field.count < WizardLock.maximumLength else { return [] }
            lock.field.append(c)
            return []
        case .deleteBackward:
            if !lock.field.isEmpty { lock.field.removeLast() }
            return []
        case .killToStart:
            lock.field = ""
            return []
        case .unlock:
            guard lock.needsPassphrase else { return unlocked(&s, lock) }
            guard !lock.field.isEmpty, !lock.checking else { return [] }
            let typed = lock.field
            lock.field = ""
            lock.checking = true
            return [.checkPassphrase(typed)]
        case .unlocked(let right):
            lock.checking = false
            guard right else {
                lock.wrong = true
                lock.attempts += 1
                return []
            }
            return unlocked(&s, lock)
        case .idle: return []
        case .view, .redraw, .saved, .saveFailed, .listed, .signal, .loaded, .loadFailed, .exported, .exportFailed,
            .responseWritten, .responseFailed, .reassessed, .earlierFound, .notice:
            return nil
        default: return []
        }
    }

    /// Back to where the lock came: the text field that was open opens again.
    static func unlocked(_ s: inout WizardState, _ lock: WizardLock) -> [Effect] {
        s.lock = nil
        // A note from before the lock ("Resumed where you left off") is stale now; a problem
        // (a save that failed, held back until unlocked because it names a file) is not.
        if s.message?.isError == false { s.message = nil }
        if let field = lock.reopen {
            s.editor = field
            if field.target == .filter { s.filtering = true }
        }
        return [.redraw]
    }

    /// The idle time is up: keep what is being typed, save, and lock. An open text field is
    /// committed as a closed terminal's would be; a change that could not be saved is tried
    /// again, and the lock screen says if it still fails.
    static func lockNow(_ s: inout WizardState, needsPassphrase: Bool) -> [Effect] {
        guard s.lock == nil else { return [] }
        var effects: [Effect] = []
        let open = s.editor
        if s.editor != nil { effects += commitEdit(&s) }
        effects += recordPosition(&s)
        let saving = effects.contains { if case .save = $0 { true } else { false } }
        if s.unsaved, !saving, let a = s.assessment { effects.append(.save(a)) }
        s.lock = WizardLock(needsPassphrase: needsPassphrase)
        // A field that could not be committed (a wrong date) stays open under the lock as it is.
        if s.editor == nil { s.lock?.reopen = open }
        return effects + [.redraw]
    }
}
