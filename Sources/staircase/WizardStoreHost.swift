import StaircaseCore
import StaircaseStore
import StaircaseTUI

/// The wizard's side of the store: one open copy per assessment (a lock, read-only when another
/// window has it, no save over a file changed elsewhere), recovery copies when a save fails, and
/// the honest exit message: "Saved" only when the last change is on disk.
final class WizardStoreHost {
    let sessions: SessionStore
    let open: OpenAssessments
    let recovery: RecoveryStore
    /// A note for the wizard after a load (read-only, recovered).
    var notice: String?
    /// The recovery copy the open assessment came from (its folder and id), removed once the
    /// assessment is saved in the store.
    var recoveredFrom: (store: SessionStore, id: String)?
    /// The last recovery copy written for a refused save, so the exit need not write it again.
    var lastRecovery: (assessment: Assessment, path: String)?

    static let recoveryPrefix = "recovery/"

    init(sessions: SessionStore, recovery: RecoveryStore) {
        self.sessions = sessions
        self.open = OpenAssessments(store: sessions)
        self.recovery = recovery
    }

    /// Recovery copies first (marked as copies), then saved assessments, damaged ones with their reason; an unreadable
    /// folder is an error the start screen shows, never an empty list.
    func resumeItems(engine: ScoringEngine) -> Result<[ResumeItem], HostError> {
        do throws(StoreError) {
            let listed = try sessions.listing(engine: engine)
            let copies = recovery.list(engine: engine)
            let copied = Set(copies.map(\.summary.id))
            let saved = listed.map { s in
                let label = s.damaged != nil ? s.file : copied.contains(s.id) ? Self.savedLabel(s) : s.displayLine
                return ResumeItem(id: s.id, label: label, damaged: s.damaged, lastChange: s.lastChange)
            }
            let recovered = copies.map { entry in
                ResumeItem(
                    id: Self.recoveryPrefix + entry.summary.id,
                    label: Self.copyLabel(entry.summary), recovery: true)
            }
            return .success(recovered + saved)
        } catch {
            return .failure(HostError(error))
        }
    }

    func save(_ assessment: Assessment) -> Result<Void, HostError> {
        do throws(StoreError) {
            try open.save(assessment)
            if let from = recoveredFrom {
                from.store.deleteRecoveryCopy(id: from.id)
                recoveredFrom = nil
            }
            return .success(())
        } catch {
            if case .changedOnDisk = error, case .success(let path) = recovery.write(assessment, base: open.version(of: assessment.id)) {
                lastRecovery = (assessment, path)
                return .failure(.io("\(error) Your version is in \(path); press Ctrl-R to load the saved one."))
            }
            return .failure(HostError(error))
        }
    }

    func load(_ id: String) -> Result<Assessment, HostError> {
        if id.hasPrefix(Self.recoveryPrefix) {
            // Brought back through `bringBack`; a copy whose store changed is never opened alone.
            switch bringBack(id) {
            case .success(.unchanged(let copy, let note)):
                notice = note
                return .success(copy)
            case .success(.changed):
                return .failure(.io("the saved version changed after this copy was made: choose it on the start screen to merge"))
            case .failure(let why): return .failure(why)
            }
        }
        recoveredFrom = nil
        do throws(StoreError) {
            return .success(try open.reload(id: id))
        } catch {
            let why: String
            switch error {
            case .openElsewhere(_, let since): why = "Open in another window" + (since.map { " (since \($0) UTC)" } ?? "")
            case .readOnlyDisk: why = "The store is on a read-only disk"
            default: return .failure(HostError(error))
            }
            do throws(StoreError) {
                let assessment = try open.openReadOnly(id: id)
                notice = why + ": opened read-only here; changes are not saved."
                return .success(assessment)
            } catch {
                return .failure(HostError(error))
            }
        }
    }

    func takeNotice(_ id: String) -> String? {
        defer { notice = nil }
        return notice
    }

    /// What to print and the exit status once the terminal is restored. "Saved" only when the
    /// last change is on disk; otherwise a recovery copy is tried, and the status is 74.
    func finish(_ state: WizardState) -> (message: String, status: Int32) {
        guard let a = state.assessment else { return ("", 0) }
        let shownID = SafeText.clean(a.id)
        if !state.unsaved {
            if open.isReadOnly(a.id) { return ("Closed \(shownID) (read-only here; nothing was changed).", 0) }
            return ("Saved: \(shownID) in \(SafeText.clean(sessions.directory))", 0)
        }
        if let last = lastRecovery, last.assessment == a {
            return ("Not saved in the store: \(shownID). Your last changes are in the recovery copy \(SafeText.clean(last.path))", 74)
        }
        let base = open.version(of: a.id)
        open.close()
        switch recovery.write(a, base: base) {
        case .success(let path):
            return (
                "Not saved in the store: \(shownID). Your last changes are in the recovery copy \(SafeText.clean(path)) "
                    + "(run staircase and choose it on the start screen)", 74
            )
        case .failure(let why):
            return (
                "Not saved: \(shownID). Nothing could be written, not even a recovery copy (\(SafeText.clean(why.description))); "
                    + "your last changes are lost", 74
            )
        }
    }
}
