import StaircaseAge
import StaircaseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small private index of what the resume list shows and what finding a child's earlier
/// assessments needs, so start-up, `sessions list`, resume, `export ID` and `sessions history`
/// do not read, decrypt, decode and score every saved assessment (1,000 of them cost 116 ms plain,
/// 550 ms encrypted).
///
/// `<store>/.staircase/index`: a header with the store folder's modification time when the index
/// was last made true, then one tab-separated line per file. Every change Staircase makes (a
/// save, a delete) updates it under `index.lock`; any other change to the folder (a file copied
/// in, a crash between rename and index update) changes the folder's time, and the next list
/// rebuilds the index from the files. The index is derived data only: a damaged or missing one is
/// rebuilt, and nothing is ever removed because of it. It holds initials and child keys, never
/// names, and in an encrypted store it is sealed like every other file (a plain one is ignored).
struct SessionIndex: Equatable {
    static let header = "staircase-index 4"
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
    /// the engine the list is made with, whose child it is, and whether it is sealed on disk.
    struct Entry: Equatable {
        var summary: SessionSummary
        var answered: Int
        var catalogueID: String
        var catalogueVersion: String
        /// The proposal and progress were made with the assessment's own catalogue.
        var scored: Bool
        /// The assessment's child key ("" when it has none): earlier assessments of a child are
        /// found from the index, and only those files are read.
        var childKey: String = ""
        /// The file was an age file when this line was made: migration reads only the others.
        var sealed: Bool = false

        /// The one place an index line is made from an assessment (and its proposal, when the
        /// engine's catalogue is the assessment's), so new Assessment fields never break it.
        static func make(file: String, assessment a: Assessment, engine: ScoringEngine?, sealed: Bool) -> Entry {
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
                summary.decisionOutOfDate = a.decision?.isStale(against: proposal) ?? false
                scored = true
            }
            return Entry(
                summary: summary, answered: answered, catalogueID: a.catalogue.id, catalogueVersion: a.catalogue.version, scored: scored,
                childKey: a.childKey ?? "", sealed: sealed)
        }

        static func damaged(file: String, id: String, reason: String, sealed: Bool) -> Entry {
            Entry(
                summary: SessionSummary(id: id, file: file, initials: "", lastChange: "", progress: .unknown, damaged: reason),
                answered: 0, catalogueID: "", catalogueVersion: "", scored: false, sealed: sealed)
        }

        /// The engine has the assessment's own catalogue.
        func matches(_ engine: ScoringEngine?) -> Bool {
            engine.map { $0.catalogue.id == catalogueID && $0.catalogue.version == catalogueVersion } ?? false
        }

        /// Right for a list made with `engine`: only a line not yet scored, listed with the engine
        /// that can score it, needs its file read. A scored line is kept for a list made without
        /// that engine (`summary(for:)` hides the proposal), so such a list never downgrades it.
        func fits(_ engine: ScoringEngine?) -> Bool {
            summary.damaged != nil || scored || !matches(engine)
        }

        /// What a list made with `engine` shows: the proposal only when the engine has the
        /// assessment's catalogue, otherwise the number of answered rows, as before the index.
        func summary(for engine: ScoringEngine?) -> SessionSummary {
            guard scored, !matches(engine) else { return summary }
            var s = summary
            s.progress = .answered(answered)
            s.proposedLevel = nil
            s.proposedStep = nil
            return s
        }
    }

    // MARK: Files

    static func path(_ store: SessionStore) -> String { SessionStore.join(AssessmentLock.metaDirectory(store), "index") }

    static func read(_ store: SessionStore) -> SessionIndex? {
        guard let bytes = openedBytes(store) else { return nil }
        return decode(bytes)
    }

    /// The stamp and the entries in list order, when the store can open its index.
    static func readList(_ store: SessionStore) -> (Stamp, [Entry])? {
        guard let bytes = openedBytes(store) else { return nil }
        return decodeList(bytes)
    }

    /// The index's plaintext. An index the store cannot open (locked, altered, or plain in an
    /// encrypted store) is nil, and the caller rebuilds it from the files.
    static func openedBytes(_ store: SessionStore) -> [UInt8]? {
        guard let bytes = readBytes(store) else { return nil }
        if store.isEncrypted && !AgeFile.looksEncrypted(bytes) { return nil }
        return try? store.opened(bytes, path: path(store))
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
