#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads an assessment (or response) file named on the command line, or standard input for "-",
/// refusing anything over `SessionStore.maximumFileSize` at once: a 41 MB file once took 500 MB
/// of memory and six seconds. The core then parses the bytes; it never opens files itself.
public enum AssessmentFile {
    public enum ReadError: Error, Equatable, Sendable, CustomStringConvertible {
        case unreadable(name: String, reason: SystemError)
        case tooLarge(name: String, limit: Int)

        public var description: String {
            switch self {
            case .unreadable(let name, let reason):
                "\(name): cannot read it (\(reason)) — check the path and its permissions"
            case .tooLarge(let name, let limit):
                "\(name) is larger than \(limit >> 20) MB, more than any assessment Staircase writes — check it is the right file"
            }
        }
    }

    public static func read(_ path: String, limit: Int = SessionStore.maximumFileSize) throws(ReadError) -> [UInt8] {
        let name = path == "-" ? "stdin" : path
        do throws(SystemError) {
            if path == "-" { return try POSIX.readAll(0, limit: limit) }
            let fd = try POSIX.openFile(path, O_RDONLY | O_CLOEXEC)
            defer { close(fd) }
            var st = stat()
            if fstat(fd, &st) != 0 { throw SystemError.current }
            if POSIX.isDirectory(st) { throw SystemError(EISDIR) }
            if POSIX.isRegular(st) && st.st_size > limit { throw SystemError(EFBIG) }
            return try POSIX.readAll(fd, limit: limit)
        } catch {
            if error.code == EFBIG { throw .tooLarge(name: name, limit: limit) }
            throw .unreadable(name: name, reason: error)
        }
    }
}
