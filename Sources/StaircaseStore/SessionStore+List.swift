import StaircaseCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SessionStore {
    /// A temporary file older than this is left over from a crash, not a save in progress.
    static let staleTemporaryAge: time_t = 3600

    /// Every saved assessment, newest first, then damaged files by name.
    ///
    /// Never throws: a missing folder is an empty list, and a file that cannot be read or decoded
    /// is listed as damaged rather than hiding the others. With an `engine` whose catalogue
    /// matches the assessment's, progress is rows assessed of rows that apply and the proposed
    /// level is shown; otherwise only the number of answered rows.
    public func list(engine: ScoringEngine? = nil) -> [SessionSummary] {
        (try? listing(engine: engine)) ?? []
    }

    /// As `list`, but says why the folder itself cannot be read (a missing folder is still empty),
    /// or that it is not a trusted folder.
    ///
    /// Reads the index when it is true for the folder as it is now (`SessionIndex`), so the time
    /// this takes does not grow with the files' size or number; otherwise rebuilds it from the files.
    public func listing(engine: ScoringEngine? = nil, now: time_t = time(nil)) throws(StoreError) -> [SessionSummary] {
        guard SessionIndex.Stamp.of(directory) != nil else {
            if errno == ENOENT { return [] }
            throw .cannotList(path: directory, reason: .current)
        }
        do {
            try TrustedFolder.check(directory)
        } catch {
            // Ours but not 0700 on a read-only disk: still listed, so nothing saved there is hidden.
            guard case .cannotSecureDirectory = error else { throw error }
        }
        let update = IndexUpdate(store: self)
        guard let stamp = SessionIndex.Stamp.of(directory) else { throw .cannotList(path: directory, reason: .current) }
        var entries: [String: SessionIndex.Entry]
        var changed = false
        if let index = SessionIndex.read(self), index.stamp == stamp {
            entries = index.entries
            for (file, entry) in entries where !entry.fits(engine) {
                entries[file] = summarise(file: file, engine: engine)
                changed = true
            }
        } else {
            entries = try scan(engine: engine, now: now)
            changed = true
        }
        if changed && update.fd >= 0 {
            // Stamped with the time read before the scan: a change during it makes the index stale.
            SessionIndex(stamp: stamp, entries: entries).write(self)
        }
        var good: [SessionSummary] = []
        var damaged: [SessionSummary] = []
        good.reserveCapacity(entries.count)
        for entry in entries.values {
            if entry.summary.damaged == nil { good.append(entry.summary) } else { damaged.append(entry.summary) }
        }
        good.sort { a, b in a.lastChange != b.lastChange ? a.lastChange > b.lastChange : a.id < b.id }
        damaged.sort { $0.file < $1.file }
        return good + damaged
    }

    /// Reads every file: what the index is rebuilt from. Also removes stale temporary files.
    func scan(engine: ScoringEngine?, now: time_t) throws(StoreError) -> [String: SessionIndex.Entry] {
        let names: [String]
        do {
            names = try POSIX.names(in: directory)
        } catch {
            if error.code == ENOENT { return [:] }
            throw .cannotList(path: directory, reason: error)
        }
        var entries: [String: SessionIndex.Entry] = [:]
        for name in names {
            if name.hasPrefix(".") {
                if name.hasSuffix(Self.temporarySuffix) { removeIfStale(name, now: now) }
                continue
            }
            guard name.hasSuffix(".json") else { continue }
            entries[name] = summarise(file: name, engine: engine)
        }
        return entries
    }

    func summarise(file: String, engine: ScoringEngine?) -> SessionIndex.Entry {
        let id = String(file.dropLast(".json".count))
        func broken(_ reason: String) -> SessionIndex.Entry { .damaged(file: file, id: id, reason: reason) }
        guard Self.isValid(id: id) else { return broken("the file name is not a valid assessment id") }
        let assessment: Assessment
        do {
            assessment = try load(id: id)
        } catch {
            switch error {
            case .damaged(_, let reason): return broken(reason)
            case .unreadable(_, let reason): return broken("unreadable: \(reason)")
            case .tooLarge: return broken("larger than \(Self.maximumFileSize >> 20) MB")
            case .notFound: return broken("removed while listing")
            default: return broken("unreadable")
            }
        }
        return .make(file: file, assessment: assessment, engine: engine)
    }

    /// Removes a leftover `.<id>.<random>.tmp` from a crashed save once it is an hour old; a
    /// younger one may belong to a save still running in another process.
    func removeIfStale(_ name: String, now: time_t) {
        let path = Self.join(directory, name)
        guard let st = try? POSIX.status(path), POSIX.isRegular(st) else { return }
        if now - st.st_mtim.tv_sec > Self.staleTemporaryAge { unlink(path) }
    }
}
