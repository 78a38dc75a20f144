#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An advisory lock saying "this assessment is open in a wizard", held for as long as it is open.
///
/// `flock` on `<store>/.staircase/<id>.lock`: the kernel drops it when the process dies, however
/// it dies, so a crash never leaves an assessment locked. The file holds the time it was taken
/// ("14:05", UTC) so a second window can say since when. Lock files are never removed while in
/// use (removing one would let two processes lock two different files of the same name).
public final class AssessmentLock {
    public let id: String
    let fd: Int32

    init(id: String, fd: Int32) {
        self.id = id
        self.fd = fd
    }

    deinit { close(fd) }

    /// The folder of lock files and the index: private, and apart from the assessments so that
    /// locking does not change the store folder (whose modification time dates the index).
    static func metaDirectory(_ store: SessionStore) -> String { SessionStore.join(store.directory, ".staircase") }

    /// Takes the lock, or throws `.openElsewhere` with the holder's start time.
    static func acquire(_ id: String, in store: SessionStore, now: time_t = time(nil)) throws(StoreError) -> AssessmentLock {
        try SessionStore.validate(id: id)
        let meta = metaDirectory(store)
        try TrustedFolder.ensure(store.directory)
        if mkdir(meta, 0o700) != 0 && errno != EEXIST {
            if errno == EROFS { throw .readOnlyDisk(directory: store.directory) }
            throw .cannotCreateDirectory(path: meta, reason: .current)
        }
        try TrustedFolder.check(meta)
        let path = SessionStore.join(meta, id + ".lock")
        let fd: Int32
        do {
            fd = try POSIX.openFile(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        } catch {
            // A read-only disk: the assessment can still be opened to read (issue 19, defect 10).
            if error.code == EROFS { throw .readOnlyDisk(directory: store.directory) }
            throw .cannotWrite(path: path, reason: error)
        }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let e = SystemError.current
            let since = e.code == EWOULDBLOCK ? readSince(fd) : nil
            close(fd)
            if e.code == EWOULDBLOCK { throw .openElsewhere(id: id, since: since) }
            throw .cannotWrite(path: path, reason: e)
        }
        var t = now
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let stamp = Array("\(two(tm.tm_hour)):\(two(tm.tm_min))\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, stamp, stamp.count, 0)
        return AssessmentLock(id: id, fd: fd)
    }

    /// "HH:MM" from the lock file, if it holds exactly that.
    static func readSince(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 8)
        let n = pread(fd, &buffer, 8, 0)
        guard n >= 5 else { return nil }
        let text = buffer[0..<5]
        guard text[2] == 0x3A, [0, 1, 3, 4].allSatisfy({ (0x30...0x39).contains(text[text.startIndex + $0]) }) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }
}

/// What a saved file was when this process last read or wrote it: the inode and a hash of the
/// bytes. A different inode means someone else replaced it; a different hash, changed it in place.
public struct FileFingerprint: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var hash: UInt64

    /// 64-bit FNV-1a: not for security, only to notice a changed file.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    init(_ st: stat, bytes: [UInt8]) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        hash = Self.hash(bytes)
    }

    /// The fingerprint of the file at `path` now, or nil when there is none.
    static func current(_ path: String) throws(SystemError) -> FileFingerprint? {
        let fd: Int32
        do {
            fd = try POSIX.openFile(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        } catch {
            if error.code == ENOENT { return nil }
            throw error
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw .current }
        return FileFingerprint(st, bytes: try POSIX.readAll(fd, limit: SessionStore.maximumFileSize))
    }
}
