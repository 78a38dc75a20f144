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
        try indexed(engine: engine, now: now).map { $0.summary(for: engine) }
    }

    /// Every readable saved assessment of one child (newest change first), found from the index:
    /// only that child's files are read, not every file in the store (`sessions history`, resume's
    /// "Last time", `export`'s "Since last time"). A damaged or unreadable file is left out.
    public func assessments(childKey: String) -> [Assessment] {
        let entries = (try? indexed(engine: nil, now: time(nil))) ?? []
        return entries.compactMap { e -> Assessment? in
            guard e.summary.damaged == nil, e.childKey == childKey else { return nil }
            return try? load(id: e.summary.id)
        }
    }

    /// The index's entries in list order, read from the index when it is true for the folder,
    /// else rebuilt from the files (and written back, sealed in an encrypted store).
    func indexed(engine: ScoringEngine?, now: time_t) throws(StoreError) -> [SessionIndex.Entry] {
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
        // A locked store can list (every file damaged: locked) but must not record that in the index.
        let writable = update.fd >= 0 && (cipher.map { $0.identity != nil } ?? true)
        // The usual case: the index is true for the folder and made with this engine's catalogue.
        if let (indexStamp, list) = SessionIndex.readList(self), indexStamp == stamp, stamp.isFine {
            if list.allSatisfy({ $0.fits(engine) }) { return list }
            var entries: [String: SessionIndex.Entry] = [:]
            for var entry in list {
                if !entry.fits(engine) { entry = summarise(file: entry.summary.file, engine: engine) }
                entries[entry.summary.file] = entry
            }
            return finish(entries, stamp: stamp, writable: writable)
        }
        return finish(try scan(engine: engine, now: now), stamp: stamp, writable: writable)
    }

    /// Writes the index (stamped with the folder's time read before the scan, so a change during
    /// it leaves the index stale) and returns the entries in order.
    private func finish(_ entries: [String: SessionIndex.Entry], stamp: SessionIndex.Stamp, writable: Bool) -> [SessionIndex.Entry] {
        let index = SessionIndex(stamp: stamp, entries: entries)
        if writable { index.write(self) }
        return SessionIndex.ordered(Array(entries.values))
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
        var sealed = false
        func broken(_ reason: String) -> SessionIndex.Entry { .damaged(file: file, id: id, reason: reason, sealed: sealed) }
        guard Self.isValid(id: id) else { return broken("the file name is not a valid assessment id") }
        let assessment: Assessment
        do {
            assessment = try read(id: id, sealed: &sealed).0
        } catch {
            switch error {
            case .damaged(_, let reason): return broken(reason)
            case .unreadable(_, let reason): return broken("unreadable: \(reason)")
            case .tooLarge: return broken("larger than \(Self.maximumFileSize >> 20) MB")
            case .notFound: return broken("removed while listing")
            default: return broken("unreadable")
            }
        }
        return .make(file: file, assessment: assessment, engine: engine, sealed: sealed)
    }

    /// Removes a leftover `.<id>.<random>.tmp` from a crashed save once it is an hour old; a
    /// younger one may belong to a save still running in another process.
    func removeIfStale(_ name: String, now: time_t) {
        let path = Self.join(directory, name)
        guard let st = try? POSIX.status(path), POSIX.isRegular(st) else { return }
        if now - st.st_mtim.tv_sec > Self.staleTemporaryAge { unlink(path) }
    }
}
