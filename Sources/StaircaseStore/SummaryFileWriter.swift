import CStoreSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a summary could not be written; each says what to do next.
public enum SummaryWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    case exists(path: String)
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    /// `--force` replaces only a regular file: never a device, a folder, a pipe or a link.
    case notRegularFile(path: String)
    /// Encrypting the export to its recipients failed (nothing was written).
    case cannotEncrypt(reason: String)

    public var description: String {
        switch self {
        case .exists(let path):
            "\(path) already exists; it was not changed — pass --force to replace it, or choose another path"
        case .cannotCreate(let path, let reason):
            "\(path): cannot create the file (\(reason)) — check that the folder exists and you may write to it"
        case .writeFailed(let path, let reason):
            "\(path): writing failed (\(reason)) — check the free space and try again"
        case .notRegularFile(let path):
            "\(path) is not a regular file (a device, folder, pipe or link); --force replaces only a file — choose another path"
        case .cannotEncrypt(let reason):
            "the summary could not be encrypted (\(reason)); nothing was written — check the --to recipients"
        }
    }
}

/// Writes a summary so that only its owner can read it, nothing is overwritten by accident, and a
/// crash never leaves part of a referral under its final name.
///
/// A referral names a child: the text goes to a private temporary file (`open(2)` with `O_EXCL`,
/// mode 0600, never an API that honours the umask) in the target's folder, is flushed, and only
/// then appears under its name: with `linkat`, which refuses an existing name (so without `force`
/// nothing is replaced, not even a symbolic link), or with `force` by `rename` over a regular file.
/// Temporary files of earlier runs that were killed (their process is gone) are removed.
public enum SummaryFileWriter {
    /// Test seam: stop after the temporary file is written, as a kill would.
    nonisolated(unsafe) static var stopBeforeLink = false

    public static func write(_ text: String, to path: String, force: Bool) throws(SummaryWriteError) {
        try write(bytes: Array(text.utf8), to: path, force: force)
    }

    /// As `write(_:to:force:)`, for bytes that are not text (an export encrypted with `--to`).
    public static func write(bytes: [UInt8], to path: String, force: Bool) throws(SummaryWriteError) {
        guard !path.isEmpty else { throw .cannotCreate(path: path, reason: "the path is empty") }
        let (folder, name) = split(path)
        guard !name.isEmpty, name != ".", name != ".." else { throw .cannotCreate(path: path, reason: "the path names a folder") }
        var st = stat()
        if lstat(path, &st) == 0 {
            if !force { throw .exists(path: path) }
            if st.st_mode & S_IFMT != S_IFREG { throw .notRegularFile(path: path) }
        }
        removeOrphans(folder: folder, name: name)
        // Without --force, an unnamed file where the file system allows it: a kill leaves nothing.
        if !force, try writeUnnamed(bytes, to: path, folder: folder) { return }
        let temp = try createTemporary(bytes, folder: folder, name: name, reportingAs: path)
        if stopBeforeLink { return }
        if force {
            // Checked again just before: the rename must not replace anything but a file.
            if lstat(path, &st) == 0 && st.st_mode & S_IFMT != S_IFREG {
                unlink(temp)
                throw .notRegularFile(path: path)
            }
            if rename(temp, path) != 0 {
                let reason = errorText()
                unlink(temp)
                throw .cannotCreate(path: path, reason: reason)
            }
        } else {
            if linkat(AT_FDCWD, temp, AT_FDCWD, path, 0) != 0 {
                let code = errno
                // Some file systems (FAT on a USB stick) have no hard links: rename without replacing.
                if code == EPERM || code == EOPNOTSUPP || code == EMLINK {
                    if ss_rename_noreplace(temp, path) == 0 {
                        syncFolder(folder)
                        return
                    }
                }
                let again = errno
                unlink(temp)
                if code == EEXIST || again == EEXIST { throw .exists(path: path) }
                throw .cannotCreate(path: path, reason: errorText(code))
            }
            unlink(temp)
        }
        syncFolder(folder)
    }

    /// Writes through `O_TMPFILE` and links the finished file to `path` (never replacing one).
    /// False when the file system cannot make unnamed files, so the caller uses a named one.
    static func writeUnnamed(_ bytes: [UInt8], to path: String, folder: String) throws(SummaryWriteError) -> Bool {
        let fd = ss_open_unnamed(folder)
        if fd < 0 {
            if errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL || errno == ENOENT && folderExists(folder) { return false }
            throw .cannotCreate(path: path, reason: errorText())
        }
        defer { close(fd) }
        var failure = fchmod(fd, mode_t(0o600)) == 0 ? writeAll(fd, bytes) : errorText()
        if failure == nil && fsync(fd) != 0 { failure = errorText() }
        if let failure { throw .writeFailed(path: path, reason: failure) }
        if stopBeforeLink { return true }
        if ss_link_unnamed(fd, path) != 0 {
            let code = errno
            if code == EEXIST { throw .exists(path: path) }
            // No hard links here (FAT), or no /proc: the named temporary file's way instead.
            if code == EPERM || code == EOPNOTSUPP || code == EMLINK || code == ENOENT || code == EXDEV { return false }
            throw .cannotCreate(path: path, reason: errorText(code))
        }
        syncFolder(folder)
        return true
    }

    static func folderExists(_ folder: String) -> Bool {
        var st = stat()
        return stat(folder, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    /// Removes every export's temporary file in `folder` whose process is gone: called at the
    /// start of each command that writes exports, so a kill mid-export (where unnamed files are
    /// not possible) leaves the plain referral on disk only until the next export command.
    public static func removeOrphans(in folder: String) {
        removeOrphans(folder: folder, name: "")
    }

    /// As `removeOrphans(in:)`, for the folder `path` is in.
    public static func removeOrphans(besides path: String) {
        removeOrphans(in: split(path).0)
    }

    /// `.NAME.staircase-PID-RANDOM.tmp`: a name that says whose it is, so an orphan can be found.
    static func temporaryPrefix(_ name: String) -> String { "." + name + ".staircase-" }

    /// Creates the temporary file (0600, exclusive), writes everything and syncs; removes it on failure.
    static func createTemporary(_ bytes: [UInt8], folder: String, name: String, reportingAs shown: String) throws(SummaryWriteError)
        -> String
    {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let temp = folder + "/" + temporaryPrefix(name) + "\(getpid())-\(String(rng.next() & 0xFFFF_FFFF, radix: 16)).tmp"
            let fd = open(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode_t(0o600))
            if fd < 0 {
                if errno == EEXIST { continue }
                throw .cannotCreate(path: shown, reason: errorText())
            }
            var failure: String?
            if fchmod(fd, mode_t(0o600)) != 0 { failure = errorText() }
            if failure == nil { failure = writeAll(fd, bytes) }
            if failure == nil && fsync(fd) != 0 { failure = errorText() }
            if close(fd) != 0 && failure == nil { failure = errorText() }
            if let failure {
                unlink(temp)
                throw .writeFailed(path: shown, reason: failure)
            }
            return temp
        }
        throw .cannotCreate(path: shown, reason: "no free temporary name")
    }

    /// Removes this name's temporary files (every name's, for "") whose process no longer runs
    /// (killed mid-export).
    static func removeOrphans(folder: String, name: String) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let prefix = temporaryPrefix(name)
        while let entry = readdir(dir) {
            let file = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: ptr.pointee)) { String(cString: $0) }
            }
            guard file.hasPrefix(name.isEmpty ? "." : prefix), file.hasSuffix(".tmp") else { continue }
            let parts = file.split(separator: ".staircase-", omittingEmptySubsequences: false)
            guard parts.count >= 2, let tail = parts.last else { continue }
            let pidText = tail.prefix { $0 != "-" && $0 != "." }
            guard let pid = Int32(pidText), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno != ESRCH { continue }
            var st = stat()
            let path = folder + "/" + file
            if lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG && st.st_uid == geteuid() { unlink(path) }
        }
    }

    /// Writes every byte, retrying short writes and interruptions; returns the failure, if any.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return errorText()
            }
            offset += n
        }
        return nil
    }

    /// The folder (for the temporary file and its sync) and the file name.
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Makes the new name durable; failure here is not worth failing the export for.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func errorText(_ code: Int32 = errno) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}

/// `write(2)`, named apart from `SummaryFileWriter.write`, which would otherwise shadow it.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #else
        Darwin.write(fd, buffer, count)
    #endif
}
