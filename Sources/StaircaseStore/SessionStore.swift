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

/// Saved assessments: one private JSON file per assessment, `<id>.json`, in one folder.
///
/// The file format and its location stay behind this type, so encryption at rest can arrive
/// later without touching the wizard or the commands.
public struct SessionStore: Sendable {
    /// The folder holding the `<id>.json` files.
    public let directory: String

    /// Ids are file names, so they are kept short and to a character set that cannot form a path.
    public static let maximumIDLength = 80
    /// Anything larger is not an assessment the wizard wrote (the largest the wizard can make,
    /// every note and field at its limit, is under 1 MB): refused before it is read, which
    /// bounds memory. `staircase score` and `export` apply the same limit (exit 65).
    public static let maximumFileSize = 4 << 20

    /// The engine whose proposals the list index records (the wizard's catalogue); without one
    /// the index records only the number of answered rows.
    public var engine: ScoringEngine?

    /// Encryption at rest (`StoreCipher`): nil keeps a plain store, as `--store-unencrypted` asks.
    public var cipher: StoreCipher?

    /// Test seam: told the path of every assessment file the store reads, so tests can prove a
    /// list, a migration check or a child's lookup reads no more files than it must.
    var readObserver: ReadObserver?

    /// Test seam: fail a save at this stage, to prove a failed save leaves no trace.
    var interruption: SaveStage?

    enum SaveStage: Sendable { case afterWrite, beforeRename }

    public init(directory: String, engine: ScoringEngine? = nil, cipher: StoreCipher? = nil) {
        self.engine = engine
        self.cipher = cipher
        var path = directory
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.directory = path
    }

    public init(directory: URL) {
        self.init(directory: directory.path)
    }

    /// `$XDG_DATA_HOME/staircase` when that is an absolute path (the XDG spec says to ignore a
    /// relative one), else `$HOME/.local/share/staircase`.
    public static func defaultDirectory(environment: [String: String]) throws(StoreError) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return join(xdg, "staircase")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { throw .noHomeDirectory }
        return join(home, ".local/share/staircase")
    }

    static func join(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// Refuses any id that is not 1–80 of `[A-Za-z0-9_-]`, so no id can name a file outside the folder.
    public static func validate(id: String) throws(StoreError) {
        guard isValid(id: id) else { throw .invalidID(id) }
    }

    public static func isValid(id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= maximumIDLength
            && id.utf8.allSatisfy { c in
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F
            }
    }

    /// The path of an assessment's file, after checking its id.
    public func path(for id: String) throws(StoreError) -> String {
        try Self.validate(id: id)
        return Self.join(directory, id + ".json")
    }

    /// Reads and decodes one saved assessment.
    public func load(id: String) throws(StoreError) -> Assessment {
        try read(id: id).0
    }

    /// The assessment and the fingerprint of the file it came from, for a later checked save.
    func read(id: String) throws(StoreError) -> (Assessment, FileFingerprint) {
        var sealed = false
        return try read(id: id, sealed: &sealed)
    }

    /// As `read(id:)`, also saying whether the file on disk was sealed (an age file), even when
    /// it then proves damaged: the list index records it, so migration need not look again.
    func read(id: String, sealed: inout Bool) throws(StoreError) -> (Assessment, FileFingerprint) {
        let path = try path(for: id)
        let bytes: [UInt8]
        let st: stat
        do {
            (bytes, st) = try readStored(path)
        } catch {
            if error.code == ENOENT { throw .notFound(id: id, directory: directory) }
            if error.code == EFBIG { throw .tooLarge(path: path, limit: Self.maximumFileSize) }
            throw .unreadable(path: path, reason: error)
        }
        sealed = Self.isEncrypted(bytes)
        var plaintext = try opened(bytes, path: path)
        defer { for i in plaintext.indices { plaintext[i] = 0 } }
        return (try Self.decode(plaintext, path: path, expectedID: id), FileFingerprint(st, bytes: bytes))
    }

    /// Removes a saved assessment and flushes the folder so the removal survives a power cut.
    /// Refused while a wizard has it open (`.openElsewhere`): it would save it back.
    public func delete(id: String) throws(StoreError) {
        let path = try path(for: id)
        var st = stat()
        if lstat(path, &st) != 0 {
            let e = SystemError.current
            if e.code == ENOENT || e.code == ENOTDIR { throw .notFound(id: id, directory: directory) }
            throw .cannotDelete(path: path, reason: e)
        }
        let lock = try AssessmentLock.acquire(id, in: self)
        let index = IndexUpdate(store: self)
        if unlink(path) != 0 {
            let e = SystemError.current
            if e.code == ENOENT || e.code == ENOTDIR { throw .notFound(id: id, directory: directory) }
            throw .cannotDelete(path: path, reason: e)
        }
        try syncDirectory(after: path)
        index.finish(deleted: id)
        // The lock file goes too, while still held: a window that opened it meanwhile finds no file.
        unlink(SessionStore.join(AssessmentLock.metaDirectory(self), id + ".lock"))
        withExtendedLifetime(lock) {}
    }

    /// Every read of a saved assessment's file: `readFile`, seen by the test seam.
    func readStored(_ path: String) throws(SystemError) -> ([UInt8], stat) {
        readObserver?.saw(path)
        return try Self.readFile(path)
    }

    /// Opens without following symbolic links: a link planted in the folder is not read through.
    /// A file over the size limit is refused from its size, before any of it is read; an old file
    /// of ours that others could read is made 0600; someone else's file is refused.
    static func readFile(_ path: String) throws(SystemError) -> ([UInt8], stat) {
        let fd = try POSIX.openFile(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw .current }
        if !POSIX.isRegular(st) { throw SystemError(EISDIR) }
        if st.st_uid != geteuid() { throw SystemError(EPERM) }
        if st.st_size > maximumFileSize { throw SystemError(EFBIG) }
        if st.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
        return (try POSIX.readAll(fd, limit: maximumFileSize), st)
    }

    /// Decodes with the core's loader, re-wording its errors so no file content is quoted.
    static func decode(_ bytes: [UInt8], path: String, expectedID: String) throws(StoreError) -> Assessment {
        let assessment: Assessment
        do {
            assessment = try AssessmentLoader.decode(data: Data(bytes), file: path)
        } catch {
            throw .damaged(path: path, reason: reason(error))
        }
        if assessment.schemaVersion != Assessment.currentSchemaVersion {
            throw .damaged(path: path, reason: "schema version \(assessment.schemaVersion) is not supported by this staircase")
        }
        if assessment.id != expectedID {
            throw .damaged(path: path, reason: "the id inside does not match the file name")
        }
        return assessment
    }

    /// Line and column, or the top-level field: enough to find the fault, nothing from the file.
    static func reason(_ error: AssessmentError) -> String {
        switch error {
        case .unreadable: return "unreadable"
        case .malformedJSON(_, let line, let column, _): return "malformed JSON at line \(line), column \(column)"
        case .invalid(_, let field, let message, _):
            let top = field.split(whereSeparator: { $0 == "." || $0 == "[" }).first.map(String.init) ?? field
            let safeTop = top.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "(" || $0 == ")" || $0 == " " }) ? top : "?"
            return "field \(safeTop.prefix(40)): \(message.prefix(60))"
        }
    }

    /// Flushes the folder itself, so a rename or unlink is on disk and not only in the page cache.
    /// Flushes the folder after `path` was renamed into it or removed from it.
    func syncDirectory(after path: String) throws(StoreError) {
        do {
            try syncDirectory()
        } catch {
            throw .notDurable(path: path, reason: error)
        }
    }

    func syncDirectory() throws(SystemError) {
        let fd = try POSIX.openFile(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(fd) }
        do {
            try POSIX.sync(fd)
        } catch {
            // Some file systems cannot fsync a folder at all; that is not a failed save.
            if error.code != EINVAL && error.code != ENOTSUP { throw error }
        }
    }
}
