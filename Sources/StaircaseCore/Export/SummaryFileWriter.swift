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

    public var description: String {
        switch self {
        case .exists(let path):
            "\(path) already exists; it was not changed — pass --force to replace it, or choose another path"
        case .cannotCreate(let path, let reason):
            "\(path): cannot create the file (\(reason)) — check that the folder exists and you may write to it"
        case .writeFailed(let path, let reason):
            "\(path): writing failed (\(reason)) — check the free space and try again"
        }
    }
}

/// Writes a summary so that only its owner can read it and nothing is overwritten by accident.
///
/// A referral names a child: the file is created 0600 through `open(2)` with `O_EXCL`, never
/// through APIs that honour the umask (0644) or follow an existing file. With `force`, the text
/// goes to a private temporary file in the same folder that is then renamed over the target, so
/// a crash leaves either the old file or the new one, never half of each.
public enum SummaryFileWriter {
    public static func write(_ text: String, to path: String, force: Bool) throws(SummaryWriteError) {
        guard !path.isEmpty else { throw .cannotCreate(path: path, reason: "the path is empty") }
        if !force {
            try create(text, at: path, reportingAs: path)
            return
        }
        let (folder, name) = split(path)
        var attempt = 0
        while true {
            let temp = folder + "/." + name + ".staircase-\(getpid())-\(attempt).tmp"
            do {
                try create(text, at: temp, reportingAs: path)
            } catch .exists(_) where attempt < 100 {
                attempt += 1
                continue
            }
            if rename(temp, path) != 0 {
                let reason = errorText()
                unlink(temp)
                throw .cannotCreate(path: path, reason: reason)
            }
            syncFolder(folder)
            return
        }
    }

    /// Creates `path` (0600, exclusive), writes everything, syncs; removes it again on failure.
    static func create(_ text: String, at path: String, reportingAs shown: String) throws(SummaryWriteError) {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode_t(0o600))
        if fd < 0 {
            if errno == EEXIST { throw .exists(path: shown) }
            throw .cannotCreate(path: shown, reason: errorText())
        }
        var failure: String?
        if fchmod(fd, mode_t(0o600)) != 0 { failure = errorText() }
        if failure == nil { failure = writeAll(fd, Array(text.utf8)) }
        if failure == nil && fsync(fd) != 0 { failure = errorText() }
        if close(fd) != 0 && failure == nil { failure = errorText() }
        if let failure {
            unlink(path)
            throw .writeFailed(path: shown, reason: failure)
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

    /// Makes the rename durable; failure here is not worth failing the export for.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func errorText() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
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
