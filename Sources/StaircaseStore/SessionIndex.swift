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
    static let header = "staircase-index 1"
    var stamp: Stamp
    var entries: [String: Entry]

    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int

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
            var scored = false
            if let engine, engine.catalogue.id == a.catalogue.id, engine.catalogue.version == a.catalogue.version {
                let proposal = engine.propose(a)
                summary.progress = .rows(assessed: proposal.completeness.assessed, applicable: proposal.completeness.applicable)
                summary.proposedLevel = proposal.level
                summary.proposedStep = proposal.step
                scored = true
            }
            return Entry(summary: summary, answered: answered, catalogueID: a.catalogue.id, catalogueVersion: a.catalogue.version, scored: scored)
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
        for name in entries.keys.sorted() {
            guard let e = entries[name] else { continue }
            let s = e.summary
            var progress = (-1, -1)
            if case .rows(let a, let b) = s.progress { progress = (a, b) }
            let fields = [
                s.file, s.id, s.initials, s.lastChange, String(e.answered), String(progress.0), String(progress.1),
                s.proposedLevel.map(String.init) ?? "", s.proposedStep.map(String.init) ?? "", s.training ? "1" : "0",
                e.catalogueID, e.catalogueVersion, e.scored ? "1" : "0", s.damaged ?? "",
            ]
            out += fields.map(Self.field).joined(separator: "\t") + "\n"
        }
        return Array(out.utf8)
    }

    /// Tabs and line breaks cannot occur inside a field.
    static func field(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }

    /// Parses the text form; nil for anything not exactly what `encoded` writes.
    static func decode(_ bytes: [UInt8]) -> SessionIndex? {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return nil }
        let head = String(decoding: lines.removeFirst(), as: UTF8.self).split(separator: " ")
        guard head.count == 4, head[0] == "staircase-index", head[1] == "1", let sec = Int(head[2]), let nsec = Int(head[3]) else {
            return nil
        }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            let f = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard f.count == 14, let answered = Int(f[4]), let assessed = Int(f[5]), let applicable = Int(f[6]),
                f[0].hasSuffix(".json"), SessionStore.isValid(id: String(f[0].dropLast(5)))
            else { return nil }
            let damaged = f[13].isEmpty ? nil : f[13]
            var progress: SessionSummary.Progress = assessed >= 0 ? .rows(assessed: assessed, applicable: applicable) : .answered(answered)
            if damaged != nil { progress = .unknown }
            let summary = SessionSummary(
                id: f[1], file: f[0], initials: f[2], lastChange: f[3], progress: progress, proposedLevel: Int(f[7]),
                proposedStep: Int(f[8]), training: f[9] == "1", damaged: damaged)
            entries[f[0]] = Entry(summary: summary, answered: answered, catalogueID: f[10], catalogueVersion: f[11], scored: f[12] == "1")
        }
        return SessionIndex(stamp: Stamp(seconds: sec, nanoseconds: nsec), entries: entries)
    }

    // MARK: Files

    static func path(_ store: SessionStore) -> String { SessionStore.join(AssessmentLock.metaDirectory(store), "index") }

    static func read(_ store: SessionStore) -> SessionIndex? {
        guard let fd = try? POSIX.openFile(path(store), O_RDONLY | O_CLOEXEC | O_NOFOLLOW) else { return nil }
        defer { close(fd) }
        guard let bytes = try? POSIX.readAll(fd, limit: 64 << 20) else { return nil }
        return decode(bytes)
    }

    /// Written to a temporary file and renamed, so a reader never sees half an index. Not
    /// fsynced: an index lost to a power cut is rebuilt, and a save should not wait for it.
    func write(_ store: SessionStore) {
        let final = Self.path(store)
        let temp = final + ".\(getpid()).tmp"
        guard let fd = try? POSIX.openFile(temp, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600) else { return }
        let ok = (try? POSIX.writeAll(fd, encoded())) != nil
        close(fd)
        if !ok || rename(temp, final) != 0 { unlink(temp) }
    }
}

/// The index's side of one change to the store: made before the change (taking `index.lock` and
/// noting whether the index was true), finished after it. If the index was stale it is left for
/// the next list to rebuild; if anything fails the folder's changed time makes it stale anyway.
final class IndexUpdate {
    let store: SessionStore
    var fd: Int32 = -1
    var index: SessionIndex?

    init(store: SessionStore) {
        self.store = store
        let meta = AssessmentLock.metaDirectory(store)
        if mkdir(meta, 0o700) != 0 && errno != EEXIST { return }
        guard (try? TrustedFolder.check(meta)) != nil else { return }
        guard let lockFD = try? POSIX.openFile(SessionStore.join(meta, "index.lock"), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        else { return }
        fd = lockFD
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        if let current = SessionIndex.read(store), current.stamp == SessionIndex.Stamp.of(store.directory) { index = current }
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
