import StaircaseCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SessionStore {
    /// Saves durably and atomically: after a crash or power cut the file is either the old save
    /// or the new one, never a mix, and nobody else on the machine can read it.
    ///
    /// The steps: write a private temporary file in the same folder (so `rename` is atomic),
    /// flush it, rename it over `<id>.json`, then flush the folder, because the rename itself
    /// lives in the folder and is otherwise only in memory.
    public func save(_ assessment: Assessment) throws(StoreError) {
        _ = try write(assessment, expecting: nil, checked: false)
    }

    /// The durable write behind `save`, and behind `OpenAssessments.save`, which passes
    /// `checked: true` with the fingerprint of the file it loaded or last wrote (nil: none yet).
    /// A file on disk that is not that one is never overwritten. Returns the new file's fingerprint.
    func write(_ assessment: Assessment, expecting: FileFingerprint?, checked: Bool) throws(StoreError) -> FileFingerprint {
        let target = try path(for: assessment.id)
        let bytes = try sealed(Self.encode(assessment), path: target)
        try ensureDirectory()
        let index = IndexUpdate(store: self)
        if checked {
            let now: FileFingerprint?
            do {
                now = try FileFingerprint.current(target)
            } catch {
                throw .unreadable(path: target, reason: error)
            }
            if now != expecting { throw .changedOnDisk(id: assessment.id) }
        }

        let written = try writeDurably(bytes, to: target, temporaryFor: assessment.id)
        index.finish(saved: assessment)
        return FileFingerprint(written, bytes: bytes)
    }

    /// The one durable write: a private temporary file in the folder, flushed, renamed over
    /// `target`, then the folder flushed. Every byte a store keeps goes through here, already
    /// sealed when the store is encrypted. Returns the written file's status.
    func writeDurably(_ bytes: [UInt8], to target: String, temporaryFor id: String) throws(StoreError) -> stat {
        let (temp, fd) = try createTemporaryFile(for: id)
        var open = true
        func abandon() {
            if open { close(fd) }
            open = false
            unlink(temp)
        }
        var written = stat()
        do throws(SystemError) {
            if fchmod(fd, 0o600) != 0 { throw SystemError.current }
            try POSIX.writeAll(fd, bytes)
            if interruption == .afterWrite { throw SystemError(EIO) }
            try POSIX.sync(fd)
            if fstat(fd, &written) != 0 { throw SystemError.current }
            open = false
            if close(fd) != 0 { throw SystemError.current }
        } catch {
            abandon()
            throw .cannotWrite(path: target, reason: error)
        }
        if interruption == .beforeRename || rename(temp, target) != 0 {
            let reason = interruption == .beforeRename ? SystemError(EIO) : SystemError.current
            abandon()
            throw .cannotReplace(path: target, reason: reason)
        }
        try syncDirectory(after: target)
        return written
    }

    /// Pretty, sorted JSON with a final newline: stable diffs and byte-for-byte repeatable saves.
    static func encode(_ assessment: Assessment) throws(StoreError) -> [UInt8] {
        let encoder = JSONEncoder.stable
        do {
            return Array(try encoder.encode(assessment)) + [0x0A]
        } catch {
            throw .cannotEncode(id: assessment.id)
        }
    }

    /// Creates the folder and any missing parents as 0700 and checks it is a trusted folder
    /// (`TrustedFolder`): a real directory of ours, made 0700 whatever the umask.
    func ensureDirectory() throws(StoreError) {
        try TrustedFolder.ensure(directory)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A new, exclusive 0600 file named `.<id>.<random>.tmp`: the name carries no assessment
    /// text, the leading dot keeps it out of listings, and `O_EXCL` refuses a planted file or link.
    func createTemporaryFile(for id: String) throws(StoreError) -> (String, Int32) {
        var rng = SystemRandomNumberGenerator()
        var lastError = SystemError(EEXIST)
        for _ in 0..<8 {
            let suffix = String(rng.next() & 0xFFFF_FFFF_FFFF, radix: 16)
            let temp = Self.join(directory, ".\(id).\(suffix)\(Self.temporarySuffix)")
            do {
                let fd = try POSIX.openFile(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
                return (temp, fd)
            } catch {
                lastError = error
                if error.code != EEXIST { break }
            }
        }
        throw .cannotWrite(path: Self.join(directory, id + ".json"), reason: lastError)
    }

    static let temporarySuffix = ".tmp"
}
