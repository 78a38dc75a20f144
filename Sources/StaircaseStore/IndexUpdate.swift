import StaircaseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The index's side of one change to the store: made before the change (taking `index.lock` and
/// noting whether the index was true), finished after it. If the index was stale it is left for
/// the next list to rebuild; if anything fails the folder's changed time makes it stale anyway.
final class IndexUpdate {
    let store: SessionStore
    var fd: Int32 = -1
    var index: SessionIndex?

    /// `read: false` leaves the index for the caller to read (a list reads it once, not twice).
    init(store: SessionStore, read: Bool = true) {
        self.store = store
        let meta = AssessmentLock.metaDirectory(store)
        if mkdir(meta, 0o700) != 0 && errno != EEXIST { return }
        guard (try? TrustedFolder.check(meta)) != nil else { return }
        guard let lockFD = try? POSIX.openFile(SessionStore.join(meta, "index.lock"), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        else { return }
        fd = lockFD
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        if read, let current = SessionIndex.read(store), current.stamp.isFine, current.stamp == SessionIndex.Stamp.of(store.directory) {
            index = current
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    func finish(saved assessment: Assessment) {
        let file = assessment.id + ".json"
        let sealed = store.isEncrypted
        commit { $0.entries[file] = .make(file: file, assessment: assessment, engine: store.engine, sealed: sealed) }
    }

    func finish(deleted id: String) {
        commit { $0.entries[id + ".json"] = nil }
    }

    private func commit(_ change: (inout SessionIndex) -> Void) {
        guard var updated = index, let now = SessionIndex.Stamp.of(store.directory) else { return }
        change(&updated)
        updated.stamp = now
        updated.write(store)
        index = nil
    }
}
