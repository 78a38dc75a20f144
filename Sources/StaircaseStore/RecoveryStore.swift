import StaircaseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the wizard puts an assessment it could not save in the store (a read-only disk, a HOME
/// it cannot write, a file changed in another window), so the last answers are never lost.
///
/// The first of `$XDG_STATE_HOME/staircase/recovery` (or `~/.local/state/staircase/recovery`)
/// and `/tmp/staircase-<uid>` that can take the copy. Each is a `SessionStore`, so the same rules
/// hold: a trusted folder (a real directory of ours, 0700; a `/tmp/staircase-<uid>` made by
/// someone else is refused), files 0600, durable writes. Resume offers what is there.
public struct RecoveryStore: Sendable {
    public let folders: [String]
    /// Recovery copies are sealed like the store they come from (nil: plain copies).
    public var cipher: StoreCipher?

    public init(folders: [String]) {
        self.folders = folders
    }

    /// The folders for this user's environment, in the order they are tried.
    public init(environment: [String: String], uid: uid_t = geteuid()) {
        var folders: [String] = []
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            folders.append(SessionStore.join(state, "staircase/recovery"))
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            folders.append(SessionStore.join(home, ".local/state/staircase/recovery"))
        }
        folders.append("/tmp/staircase-\(uid)")
        self.init(folders: folders)
    }

    /// Writes a copy to the first folder that takes it, with the store version it was made from
    /// (`base`): its path, or why each folder failed.
    public func write(_ assessment: Assessment, base: StoreVersion) -> Result<String, RecoveryFailure> {
        var reasons: [StoreError] = []
        for folder in folders {
            let store = SessionStore(directory: folder, cipher: cipher)
            do {
                // The base first: a copy never stands without it (a stale base is only `.unknown`
                // once the copy is gone, and an unknown base is treated as changed).
                try store.recordBase(base, for: assessment.id)
                try store.save(assessment)
                return .success(try store.path(for: assessment.id))
            } catch {
                reasons.append(error)
            }
        }
        return .failure(RecoveryFailure(reasons: reasons))
    }

    /// Every recovery copy, newest first, with the folder it is in.
    public func list(engine: ScoringEngine? = nil) -> [(store: SessionStore, summary: SessionSummary)] {
        var found: [(SessionStore, SessionSummary)] = []
        for folder in folders {
            let store = SessionStore(directory: folder, cipher: cipher)
            // Only a trusted folder is read: a planted /tmp/staircase-<uid> is ignored.
            guard (try? TrustedFolder.check(folder, tighten: false)) != nil else { continue }
            for s in store.list(engine: engine) where s.damaged == nil { found.append((store, s)) }
        }
        return found.sorted { $0.1.lastChange > $1.1.lastChange }
    }

    /// The copy of `id` in the first folder that has one, and the store version it was made from.
    public func load(id: String) throws(StoreError) -> (store: SessionStore, assessment: Assessment, base: StoreVersion) {
        var last = StoreError.notFound(id: id, directory: folders.first ?? "")
        for folder in folders {
            let store = SessionStore(directory: folder, cipher: cipher)
            guard (try? TrustedFolder.check(folder, tighten: false)) != nil else { continue }
            do {
                return (store, try store.load(id: id), store.base(for: id))
            } catch {
                last = error
            }
        }
        throw last
    }
}

extension SessionStore {
    /// Removes a recovery copy and the record of its base, once it is saved in the store.
    public func deleteRecoveryCopy(id: String) {
        try? delete(id: id)
        if let base = try? basePath(for: id) { unlink(base) }
    }
}

/// No recovery folder could take the copy; every reason, for the exit message.
public struct RecoveryFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var reasons: [StoreError]
    public var description: String { reasons.map(\.description).joined(separator: "; ") }
}
