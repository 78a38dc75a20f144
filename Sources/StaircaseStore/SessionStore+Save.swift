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
        let target = try path(for: assessment.id)
        let bytes = try Self.encode(assessment)
        try ensureDirectory()

        let (temp, fd) = try createTemporaryFile(for: assessment.id)
        var open = true
        func abandon() {
            if open { close(fd) }
            open = false
            unlink(temp)
        }
        do throws(SystemError) {
            if fchmod(fd, 0o600) != 0 { throw SystemError.current }
            try POSIX.writeAll(fd, bytes)
            if interruption == .afterWrite { throw SystemError(EIO) }
            try POSIX.sync(fd)
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

    /// Creates the folder and any missing parents as 0700, then forces the folder itself to 0700
    /// whatever the umask, so a shared machine never exposes a child's record.
    func ensureDirectory() throws(StoreError) {
        var missing: [String] = []
        var path = directory
        while !path.isEmpty && path != "/" {
            var st: stat?
            do {
                st = try POSIX.status(path)
            } catch {
                // ENOTDIR: a parent is a file; walk up so the error names that file.
                if error.code != ENOTDIR { throw .cannotCreateDirectory(path: path, reason: error) }
            }
            if let st {
                // A symbolic link to a folder is accepted (stat follows it below); a file is not.
                var target = stat()
                if !POSIX.isDirectory(st) && !(stat(path, &target) == 0 && POSIX.isDirectory(target)) {
                    throw .cannotCreateDirectory(path: path, reason: SystemError(ENOTDIR))
                }
                break
            }
            missing.append(path)
            path = Self.parent(of: path)
        }
        for dir in missing.reversed() where mkdir(dir, 0o700) != 0 && errno != EEXIST {
            throw .cannotCreateDirectory(path: dir, reason: .current)
        }
        var st = stat()
        if stat(directory, &st) != 0 { throw .cannotCreateDirectory(path: directory, reason: .current) }
        if st.st_mode & 0o7777 != 0o700 && chmod(directory, 0o700) != 0 {
            throw .cannotSecureDirectory(path: directory, reason: .current)
        }
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
