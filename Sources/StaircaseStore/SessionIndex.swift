import StaircaseAge
import StaircaseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small private index of what the resume list shows, so start-up does not read, decode and
/// score every saved assessment (1,000 of them cost 116 ms).
///
/// `<store>/.staircase/index`: a header with the store folder's modification time when the index
/// was last made true, then one tab-separated line per file. Every change Staircase makes (a
/// save, a delete) updates it under `index.lock`; any other change to the folder (a file copied
/// in, a crash between rename and index update) changes the folder's time, and the next list
/// rebuilds the index from the files. The index is derived data only: a damaged or missing one is
/// rebuilt, and nothing is ever removed because of it. It holds initials, never names.
struct SessionIndex: Equatable {
    static let header = "staircase-index 2"
    var stamp: Stamp
    var entries: [String: Entry]

    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int

        /// A time with sub-second resolution. A file system that keeps whole seconds (FAT, some
        /// network shares) cannot show a change made in the same second as the index, so there
        /// the index is never trusted and every list reads the files.
        var isFine: Bool { nanoseconds != 0 }

        /// The store folder's modification time, or nil when it cannot be read.
        static func of(_ directory: String) -> Stamp? {
            var st = stat()
            guard stat(directory, &st) == 0 else { return nil }
            return Stamp(seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec))
        }
    }

    /// One file's line: the summary, plus what is needed to know whether it is still right for
    /// the engine the list is made with.
    struct Entry: Equatable {
        var summary: SessionSummary
        var answered: Int
        var catalogueID: String
        var catalogueVersion: String
        /// The proposal and progress were made with the assessment's own catalogue.
        var scored: Bool

        /// The one place an index line is made from an assessment (and its proposal, when the
        /// engine's catalogue is the assessment's), so new Assessment fields never break it.
        static func make(file: String, assessment a: Assessment, engine: ScoringEngine?) -> Entry {
            let answered = a.answers.values.filter { $0.rating != .notAssessed }.count
            var summary = SessionSummary(
                id: a.id, file: file, initials: SessionSummary.initials(of: a.child.name), lastChange: a.updatedAt,
                progress: .answered(answered), training: a.training)
            summary.decidedLevel = a.decision?.level
            summary.decidedStep = a.decision?.step
            var scored = false
            if let engine, engine.catalogue.id == a.catalogue.id, engine.catalogue.version == a.catalogue.version {
                let proposal = engine.propose(a)
                summary.progress = .rows(assessed: proposal.completeness.assessed, applicable: proposal.completeness.applicable)
                summary.proposedLevel = proposal.level
                summary.proposedStep = proposal.step
                scored = true
            }
            return Entry(
                summary: summary, answered: answered, catalogueID: a.catalogue.id, catalogueVersion: a.catalogue.version, scored: scored)
        }

        static func damaged(file: String, id: String, reason: String) -> Entry {
            Entry(
                summary: SessionSummary(id: id, file: file, initials: "", lastChange: "", progress: .unknown, damaged: reason),
                answered: 0, catalogueID: "", catalogueVersion: "", scored: false)
        }

        /// Right for a list made with `engine`: scored with the assessment's own catalogue exactly
        /// when the engine has it.
        func fits(_ engine: ScoringEngine?) -> Bool {
            if summary.damaged != nil { return true }
            let matches = engine.map { $0.catalogue.id == catalogueID && $0.catalogue.version == catalogueVersion } ?? false
            return matches == scored
        }
    }

    // MARK: Text form

    func encoded() -> [UInt8] {
        var out = "\(Self.header) \(stamp.seconds) \(stamp.nanoseconds)\n"
        // In list order (newest first, then damaged files by name), so a list needs no sort.
        for e in Self.ordered(Array(entries.values)) {
            let s = e.summary
            var progress = (-1, -1)
            if case .rows(let a, let b) = s.progress { progress = (a, b) }
            func number(_ n: Int?) -> String { n.map(String.init) ?? "" }
            var fields: [String] = [s.file, s.id, s.initials, s.lastChange, String(e.answered), String(progress.0), String(progress.1)]
            fields += [number(s.proposedLevel), number(s.proposedStep), s.training ? "1" : "0"]
            fields += [e.catalogueID, e.catalogueVersion, e.scored ? "1" : "0", s.damaged ?? ""]
            fields += [number(s.decidedLevel), number(s.decidedStep)]
            out += fields.map(Self.field).joined(separator: "\t") + "\n"
        }
        return Array(out.utf8)
    }

    /// Tabs and line breaks cannot occur inside a field.
    static func field(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }

    /// Newest first, then damaged files by name: the order of the resume list and `sessions list`.
    static func ordered(_ entries: [Entry]) -> [Entry] {
        var good: [Entry] = []
        var damaged: [Entry] = []
        for e in entries {
            if e.summary.damaged == nil { good.append(e) } else { damaged.append(e) }
        }
        good.sort { a, b in
            a.summary.lastChange != b.summary.lastChange ? a.summary.lastChange > b.summary.lastChange : a.summary.id < b.summary.id
        }
        damaged.sort { $0.summary.file < $1.summary.file }
        return good + damaged
    }

    /// Parses the text form; nil for anything not exactly what `encoded` writes.
    static func decode(_ bytes: [UInt8]) -> SessionIndex? {
        guard let (stamp, list) = decodeList(bytes) else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(list.count)
        for e in list { entries[e.summary.file] = e }
        return SessionIndex(stamp: stamp, entries: entries)
    }

    /// The stamp and the entries in file order (list order), read field by field from the bytes:
    /// this is what start-up waits for, so it makes no intermediate arrays of strings.
    static func decodeList(_ bytes: [UInt8]) -> (Stamp, [Entry])? {
        bytes.withUnsafeBufferPointer { buf -> (Stamp, [Entry])? in
            var i = 0
            let n = buf.count
            func field() -> Range<Int>? {
                guard i <= n else { return nil }
                let start = i
                while i < n && buf[i] != 0x09 && buf[i] != 0x0A { i += 1 }
                return start..<i
            }
            func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self) }
            func int(_ r: Range<Int>) -> Int? {
                guard !r.isEmpty else { return nil }
                var v = 0
                var negative = false
                for k in r {
                    let c = buf[k]
                    if c == 0x2D && k == r.lowerBound { negative = true; continue }
                    guard c >= 0x30 && c <= 0x39, v < Int.max / 10 - 10 else { return nil }
                    v = v * 10 + Int(c - 0x30)
                }
                return negative ? -v : v
            }
            // Header: "staircase-index 2 SECONDS NANOSECONDS\n" (an older version is rebuilt).
            while i < n && buf[i] != 0x0A { i += 1 }
            guard i < n else { return nil }
            let head = text(0..<i).split(separator: " ")
            guard head.count == 4, head[0] == "staircase-index", head[1] == "2", let sec = Int(head[2]), let nsec = Int(head[3]) else {
                return nil
            }
            i += 1
            var entries: [Entry] = []
            while i < n {
                var f: [Range<Int>] = []
                f.reserveCapacity(16)
                while true {
                    guard let r = field() else { return nil }
                    f.append(r)
                    if i >= n || buf[i] == 0x0A { break }
                    i += 1
                }
                i += 1
                guard f.count == 16, let answered = int(f[4]), let assessed = int(f[5]), let applicable = int(f[6]) else { return nil }
                let file = text(f[0])
                guard file.hasSuffix(".json"), SessionStore.isValid(id: String(file.dropLast(5))) else { return nil }
                let damaged = f[13].isEmpty ? nil : text(f[13])
                var progress: SessionSummary.Progress =
                    assessed >= 0 ? .rows(assessed: assessed, applicable: applicable) : .answered(answered)
                if damaged != nil { progress = .unknown }
                var summary = SessionSummary(
                    id: text(f[1]), file: file, initials: text(f[2]), lastChange: text(f[3]), progress: progress,
                    proposedLevel: int(f[7]), proposedStep: int(f[8]), training: f[9].count == 1 && buf[f[9].lowerBound] == 0x31,
                    damaged: damaged)
                summary.decidedLevel = int(f[14])
                summary.decidedStep = int(f[15])
                entries.append(
                    Entry(
                        summary: summary, answered: answered, catalogueID: text(f[10]), catalogueVersion: text(f[11]),
                        scored: f[12].count == 1 && buf[f[12].lowerBound] == 0x31))
            }
            return (Stamp(seconds: sec, nanoseconds: nsec), entries)
        }
    }

    // MARK: Files

    static func path(_ store: SessionStore) -> String { SessionStore.join(AssessmentLock.metaDirectory(store), "index") }

    static func read(_ store: SessionStore) -> SessionIndex? {
        // An index the store cannot open (locked, altered, or plain in an encrypted store) is rebuilt.
        guard let bytes = readBytes(store) else { return nil }
        if store.isEncrypted && !AgeFile.looksEncrypted(bytes) { return nil }
        return (try? store.opened(bytes, path: path(store))).flatMap(decode)
    }

    static func readBytes(_ store: SessionStore) -> [UInt8]? {
        guard let fd = try? POSIX.openFile(path(store), O_RDONLY | O_CLOEXEC | O_NOFOLLOW) else { return nil }
        defer { close(fd) }
        return try? POSIX.readAll(fd, limit: 64 << 20)
    }

    /// Written through the store's one durable writer (`writeDurably`: temporary file, fsync,
    /// rename, folder fsync), like every other file the store keeps: a reader never sees half an
    /// index, and one that was listed survives a power cut. A failure only leaves it stale.
    func write(_ store: SessionStore) {
        let final = Self.path(store)
        guard let bytes = try? store.sealed(encoded(), path: final) else { return }
        _ = try? SessionStore(directory: AssessmentLock.metaDirectory(store)).writeDurably(bytes, to: final, temporaryFor: "index")
    }
}

/// The index's side of one change to the store: made before the change (taking `index.lock` and
/// noting whether the index was true), finished after it. If the index was stale it is left for
/// the next list to rebuild; if anything fails the folder's changed time makes it stale anyway.
final class IndexUpdate {
    let store: SessionStore
    var fd: Int32 = -1
    var index: SessionIndex?

    /// `read: false` leaves the index for the caller to read (a list reads it once, not twice).
    init(store: SessionStore, read: Bool = true) {
        self.store = store
        let meta = AssessmentLock.metaDirectory(store)
        if mkdir(meta, 0o700) != 0 && errno != EEXIST { return }
        guard (try? TrustedFolder.check(meta)) != nil else { return }
        guard let lockFD = try? POSIX.openFile(SessionStore.join(meta, "index.lock"), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        else { return }
        fd = lockFD
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        if read, let current = SessionIndex.read(store), current.stamp.isFine, current.stamp == SessionIndex.Stamp.of(store.directory) {
            index = current
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    func finish(saved assessment: Assessment) {
        let file = assessment.id + ".json"
        commit { $0.entries[file] = .make(file: file, assessment: assessment, engine: store.engine) }
    }

    func finish(deleted id: String) {
        commit { $0.entries[id + ".json"] = nil }
    }

    private func commit(_ change: (inout SessionIndex) -> Void) {
        guard var updated = index, let now = SessionIndex.Stamp.of(store.directory) else { return }
        change(&updated)
        updated.stamp = now
        updated.write(store)
        index = nil
    }
}
