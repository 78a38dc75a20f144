#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is checked when a store is opened, before any passphrase is asked or any word typed in
/// the wizard: problems found at the first save used to send the work typed before it to a
/// recovery copy (issue 19, defects 6–8).
extension SessionStore {
    /// Refuses a store inside a folder others may change (writable by others and not sticky),
    /// and a folder holding encrypted saves without the identity that opens them.
    public func checkAtStart() throws(StoreError) {
        try TrustedFolder.checkParents(of: directory)
        if !StoreKeyring(store: self).hasIdentity && holdsEncryptedFiles { throw .identityMissing(directory: directory) }
    }

    /// True when any `.json` file in the folder is an age file (the first bytes say so).
    var holdsEncryptedFiles: Bool {
        guard let dir = opendir(directory) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { continue }
            let fd = Glibc.open(Self.join(directory, name), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard fd >= 0 else { continue }
            var head = [UInt8](repeating: 0, count: 32)
            let n = Glibc.read(fd, &head, head.count)
            close(fd)
            if n > 0 && Self.isEncrypted(Array(head[0..<n])) { return true }
        }
        return false
    }

    /// Proves the folder (made if missing) can take a new file, by making and removing one: a
    /// read-only or immutable folder is said before anyone invents and types a passphrase.
    public func checkWritable() throws(StoreError) {
        try ensureDirectory()
        do {
            let (temp, fd) = try createTemporaryFile(for: "write-check")
            close(fd)
            unlink(temp)
        } catch {
            guard case .cannotWrite(_, let reason) = error else { throw error }
            throw .cannotWrite(path: directory, reason: reason)
        }
    }
}
