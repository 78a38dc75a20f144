#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An `errno` value with the short, lower-case wording used inside `StoreError` messages.
///
/// Kept as the number so tests can match on it and so messages never carry anything but the
/// system's own words.
public struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: Int32

    public init(_ code: Int32) { self.code = code }

    /// The current thread's `errno`.
    static var current: SystemError { SystemError(errno) }

    public var description: String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOENT: "does not exist"
        case ENOTDIR: "part of the path is a file, not a folder"
        case EISDIR: "is a folder"
        case ENOSPC: "no space left on the device"
        case EDQUOT: "disk quota exceeded"
        case EROFS: "read-only file system"
        case ELOOP: "is a symbolic link"
        case EIO: "input/output error"
        case ENAMETOOLONG: "path too long"
        case EEXIST: "already exists"
        case EFBIG: "file too large"
        default:
            if let text = strerror(code) { String(cString: text).lowercased() } else { "error \(code)" }
        }
    }
}

/// Thin wrappers over POSIX calls that retry on `EINTR` and throw `SystemError`.
enum POSIX {
    /// Writes every byte, looping over partial writes and interrupted calls.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buf in
                write(fd, buf.baseAddress.map { $0 + offset }, buf.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .current
            }
            if n == 0 { throw SystemError(EIO) }
            offset += n
        }
    }

    /// Reads a whole file descriptor, refusing anything over `limit` bytes.
    static func readAll(_ fd: Int32, limit: Int) throws(SystemError) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .current
            }
            if n == 0 { return out }
            out.append(contentsOf: buffer[0..<n])
            if out.count > limit { throw SystemError(EFBIG) }
        }
    }

    static func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) throws(SystemError) -> Int32 {
        while true {
            let fd = open(path, flags, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw .current }
        }
    }

    static func sync(_ fd: Int32) throws(SystemError) {
        while fsync(fd) != 0 {
            if errno != EINTR { throw .current }
        }
    }

    /// `stat` without following a final symbolic link; nil when the path does not exist.
    static func status(_ path: String) throws(SystemError) -> stat? {
        var st = stat()
        if lstat(path, &st) == 0 { return st }
        if errno == ENOENT { return nil }
        throw .current
    }

    static func isDirectory(_ st: stat) -> Bool { st.st_mode & S_IFMT == S_IFDIR }
    static func isRegular(_ st: stat) -> Bool { st.st_mode & S_IFMT == S_IFREG }

    /// The names in a folder, without "." and "..".
    static func names(in directory: String) throws(SystemError) -> [String] {
        guard let dir = opendir(directory) else { throw .current }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: ptr.pointee)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
