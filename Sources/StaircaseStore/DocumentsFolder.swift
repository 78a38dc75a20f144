import StaircaseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the wizard writes referral summaries: `$XDG_DOCUMENTS_DIR`, else `~/Documents`. Never
/// the current directory, which under `swift run` is the source checkout.
public enum DocumentsFolder {
    public static func path(environment: [String: String]) throws(StoreError) -> String {
        if let xdg = environment["XDG_DOCUMENTS_DIR"], xdg.hasPrefix("/") { return xdg }
        guard let home = environment["HOME"], home.hasPrefix("/") else { throw .noHomeDirectory }
        return SessionStore.join(home, "Documents")
    }

    /// Creates the folder and missing parents as 0700. An existing folder is left as it is:
    /// it is the user's own documents folder, and each summary in it is 0600 anyway.
    public static func ensure(_ path: String) throws(StoreError) {
        var missing: [String] = []
        var current = path
        while !current.isEmpty && current != "/" {
            var st = stat()
            if stat(current, &st) == 0 {
                if st.st_mode & S_IFMT != S_IFDIR { throw .cannotCreateDocumentsFolder(path: current, reason: SystemError(ENOTDIR)) }
                break
            }
            missing.append(current)
            current = SessionStore.parent(of: current)
        }
        for dir in missing.reversed() where mkdir(dir, 0o700) != 0 && errno != EEXIST {
            throw .cannotCreateDocumentsFolder(path: dir, reason: .current)
        }
    }
}
