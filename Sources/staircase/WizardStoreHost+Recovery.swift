import StaircaseCore
import StaircaseStore
import StaircaseTUI

/// Bringing back a recovery copy without writing over a newer save (issue 19, defect 1).
///
/// A read-only window's copy once replaced the store's file at its first change, silently
/// losing what the other window had saved since. A copy now records the store version it was
/// made from; when the store's file is still that version the copy takes its place, as before.
/// When it is not, the wizard shows the two part by part (the merge screen) and the practitioner
/// chooses; the merge is saved over the version shown, and only then is the copy removed.
extension WizardStoreHost {
    func bringBack(_ listed: String) -> Result<BroughtBack, HostError> {
        let id = listed.hasPrefix(Self.recoveryPrefix) ? String(listed.dropFirst(Self.recoveryPrefix.count)) : listed
        do throws(StoreError) {
            let (from, copy, base) = try recovery.load(id: id)
            let now = try sessions.version(of: id)
            if base == now {
                // Saved at once, over the very version the copy was made from: bringing a copy
                // back is the practitioner's choice, and quitting straight after must not say
                // "Saved" while its answers are only in memory (a tryout found it did).
                try open.adopt(copy)
                try open.save(copy)
                from.deleteRecoveryCopy(id: id)
                recoveredFrom = nil
                return .success(.unchanged(copy, notice: "Brought back from a recovery copy and saved in the store."))
            }
            recoveredFrom = nil
            // The store changed after the copy was made: its file is opened with its lock, so
            // the merge is saved over exactly the version shown, and no other window writes meanwhile.
            let saved: Assessment
            do {
                saved = try open.reload(id: id)
            } catch .openElsewhere(_, let since) {
                return .failure(
                    .io(
                        "the saved assessment is open in another window" + (since.map { " (since \($0) UTC)" } ?? "")
                            + ": close it there, then choose the recovery copy again (it is kept)."))
            }
            return .success(.changed(saved: saved, copy: copy, copyID: listed))
        } catch {
            return .failure(HostError(error))
        }
    }

    /// Saves the merged assessment durably over the version the merge screen showed, then
    /// removes the recovery copy; a refused save leaves the copy (and the store) as they were.
    func saveMerged(_ merged: Assessment, copyID listed: String) -> Result<Void, HostError> {
        let id = listed.hasPrefix(Self.recoveryPrefix) ? String(listed.dropFirst(Self.recoveryPrefix.count)) : listed
        do throws(StoreError) {
            let (from, _, _) = try recovery.load(id: id)
            try open.save(merged)
            from.deleteRecoveryCopy(id: id)
            return .success(())
        } catch {
            return .failure(HostError(error))
        }
    }

    /// A copy's line on the start screen: plainly a copy, not the saved assessment, with when it
    /// was last changed (the saved assessment's own line says it is the saved one, with its time).
    static func copyLabel(_ copy: SessionSummary) -> String {
        "Recovery copy: " + copy.displayLine
    }

    /// A saved assessment's line when a recovery copy of it is listed too.
    static func savedLabel(_ saved: SessionSummary) -> String {
        "Saved assessment: " + saved.displayLine
    }
}
