#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which version of an assessment's store file a recovery copy was made from: a hash of the
/// file's bytes on disk (a content hash, never a time, which clocks and copies can change).
///
/// A copy is made when a window cannot save (read-only, changed on disk, a failed disk); another
/// window may have saved since. Brought back over a store file that is no longer the one it was
/// made from, it would write over that window's answers (issue 19, defect 1), so the host
/// compares this with the store's file now before it lets the copy replace it.
public enum StoreVersion: Equatable, Sendable {
    /// The store had no file for the id when the copy was made (a new assessment).
    case absent
    /// The 64-bit FNV-1a hash of the store file's bytes as they were on disk.
    case content(UInt64)
    /// A copy made by an older Staircase, which did not record it: treated as changed.
    case unknown

    /// The line kept beside the copy (`<id>.base`): no assessment text, so it is not sealed.
    var line: String {
        switch self {
        case .absent: "none\n"
        case .content(let h): "fnv1a64 " + String(h, radix: 16) + "\n"
        case .unknown: "unknown\n"
        }
    }

    init(line: String) {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\n" })
        if words == ["none"] {
            self = .absent
        } else if words.count == 2, words[0] == "fnv1a64", let h = UInt64(words[1], radix: 16) {
            self = .content(h)
        } else {
            self = .unknown
        }
    }
}

extension SessionStore {
    /// The version of `id`'s file in this store now.
    public func version(of id: String) throws(StoreError) -> StoreVersion {
        let path = try path(for: id)
        do {
            return try FileFingerprint.current(path).map { .content($0.hash) } ?? .absent
        } catch {
            throw .unreadable(path: path, reason: error)
        }
    }

    /// The `.base` file beside a recovery copy.
    func basePath(for id: String) throws(StoreError) -> String {
        try Self.validate(id: id)
        return Self.join(directory, id + ".base")
    }

    /// Records which store version the copy of `id` here was made from, durably, beside it.
    func recordBase(_ version: StoreVersion, for id: String) throws(StoreError) {
        try ensureDirectory()
        _ = try writeDurably(Array(version.line.utf8), to: try basePath(for: id), temporaryFor: id)
    }

    /// The store version the copy of `id` here was made from (`.unknown` when not recorded).
    func base(for id: String) -> StoreVersion {
        guard let path = try? basePath(for: id), let (bytes, _) = try? Self.readFile(path) else { return .unknown }
        return StoreVersion(line: String(decoding: bytes.prefix(64), as: UTF8.self))
    }
}

extension OpenAssessments {
    /// The store version this window read or last wrote for `id`: what a recovery copy made
    /// now was based on.
    public func version(of id: String) -> StoreVersion {
        if expected?.id == id { return expected?.file.map { .content($0.hash) } ?? .absent }
        if readOnlyID == id { return readOnlyFile.map { .content($0.hash) } ?? .unknown }
        // Never opened from the store nor saved in it here: a new assessment, with no file then.
        return .absent
    }
}
