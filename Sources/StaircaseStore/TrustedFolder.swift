#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder Staircase may keep a child's record in: a real directory (never a symbolic link),
/// owned by the effective user, mode 0700, with no parent that someone else could rename it in.
///
/// Checked with `lstat`, so a link planted where the store should be is refused rather than
/// followed (following it once turned a shared 1777 folder into 0700), and a folder that belongs
/// to someone else is refused even when running as root, which could otherwise chmod it.
public enum TrustedFolder {
    /// Creates `path` and any missing parents as 0700, then checks it and makes it 0700.
    public static func ensure(_ path: String) throws(StoreError) {
        var missing: [String] = []
        var current = path
        while !current.isEmpty && current != "/" {
            let st: stat?
            do {
                st = try POSIX.status(current)
            } catch {
                // ENOTDIR: a parent is a file; walk up so the error names that file.
                if error.code != ENOTDIR { throw .cannotCreateDirectory(path: current, reason: error) }
                current = SessionStore.parent(of: current)
                continue
            }
            if let st {
                var target = stat()
                // A parent reached through a link is normal; the store itself is checked with lstat below.
                if !POSIX.isDirectory(st) && !(stat(current, &target) == 0 && POSIX.isDirectory(target)) {
                    throw .cannotCreateDirectory(path: current, reason: SystemError(ENOTDIR))
                }
                break
            }
            missing.append(current)
            current = SessionStore.parent(of: current)
        }
        try checkParents(of: missing.last ?? path)
        for dir in missing.reversed() where mkdir(dir, 0o700) != 0 && errno != EEXIST {
            throw .cannotCreateDirectory(path: dir, reason: .current)
        }
        try check(path, tighten: true)
    }

    /// Refuses `path` unless it is a real directory owned by the effective user; with `tighten`,
    /// a folder of ours that others may read is made 0700 (it was made by an older Staircase or
    /// by hand), otherwise that too is refused.
    public static func check(_ path: String, tighten: Bool = true) throws(StoreError) {
        var st = stat()
        if lstat(path, &st) != 0 {
            throw .cannotCreateDirectory(path: path, reason: .current)
        }
        if st.st_mode & S_IFMT == S_IFLNK {
            throw .untrustedFolder(path: path, problem: .symbolicLink)
        }
        if !POSIX.isDirectory(st) { throw .cannotCreateDirectory(path: path, reason: SystemError(ENOTDIR)) }
        if st.st_uid != geteuid() { throw .untrustedFolder(path: path, problem: .foreignOwner(uid: st.st_uid)) }
        if st.st_mode & 0o7777 != 0o700 {
            guard tighten, chmod(path, 0o700) == 0 else {
                throw .cannotSecureDirectory(path: path, reason: tighten ? .current : SystemError(EPERM))
            }
        }
    }

    /// Every existing parent must be safe from renames by others: not writable by group or
    /// others unless it has the sticky bit (as /tmp does), and owned by us or root.
    static func checkParents(of path: String) throws(StoreError) {
        var current = SessionStore.parent(of: path)
        while !current.isEmpty {
            var st = stat()
            // stat, not lstat: a parent reached through a link (/home → /usr/home) is normal;
            // what matters is who may change the folder the link leads to.
            if stat(current, &st) == 0 {
                let othersWrite = st.st_mode & 0o022 != 0
                let sticky = st.st_mode & mode_t(S_ISVTX) != 0
                if othersWrite && !sticky {
                    throw .untrustedFolder(path: current, problem: .openParent)
                }
                if st.st_uid != geteuid() && st.st_uid != 0 && othersWrite {
                    throw .untrustedFolder(path: current, problem: .openParent)
                }
            }
            if current == "/" { break }
            current = SessionStore.parent(of: current)
        }
    }

    /// Why a folder is not trusted.
    public enum Problem: Equatable, Sendable {
        case symbolicLink
        case foreignOwner(uid: uid_t)
        case openParent
    }
}
