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
        let update = IndexUpdate(store: self, read: false)
        guard let stamp = SessionIndex.Stamp.of(directory) else { throw .cannotList(path: directory, reason: .current) }
        // The usual case: the index is true for the folder and made with this engine's catalogue.
        if let bytes = SessionIndex.readBytes(self), let (indexStamp, list) = SessionIndex.decodeList(bytes), indexStamp == stamp,
            stamp.isFine
        {
            if list.allSatisfy({ $0.fits(engine) }) { return list.map(\.summary) }
            var entries: [String: SessionIndex.Entry] = [:]
            for var entry in list {
                if !entry.fits(engine) { entry = summarise(file: entry.summary.file, engine: engine) }
                entries[entry.summary.file] = entry
            }
            return finish(entries, stamp: stamp, writable: update.fd >= 0)
        }
        return finish(try scan(engine: engine, now: now), stamp: stamp, writable: update.fd >= 0)
    }

    /// Writes the index (stamped with the folder's time read before the scan, so a change during
    /// it leaves the index stale) and returns the list in order.
    private func finish(_ entries: [String: SessionIndex.Entry], stamp: SessionIndex.Stamp, writable: Bool) -> [SessionSummary] {
        let index = SessionIndex(stamp: stamp, entries: entries)
        if writable { index.write(self) }
        return SessionIndex.ordered(Array(entries.values)).map(\.summary)
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
