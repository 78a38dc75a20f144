import StaircaseAge

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SessionStore {
    /// What one migration run did.
    public struct Migration: Equatable, Sendable {
        /// Files encrypted in this run.
        public var encrypted: [String] = []
        /// Files left plain because another wizard has them open; the next run takes them.
        public var skipped: [String] = []
    }

    /// Encrypts every plain saved file in place, one at a time, each with the one durable write
    /// (sealed, flushed, renamed over the plain file, folder flushed): killed at any moment, every
    /// file is either plain or encrypted, never half of each, and running it again finishes the job.
    ///
    /// Files already encrypted are left alone; the bytes of a plain file are sealed as they are,
    /// so even a damaged one is kept (and still listed as damaged). A sealed index that is true for
    /// the folder says which files are already sealed, so an unlock with nothing to migrate reads
    /// no saved file; otherwise every file is looked at, and a plain list index is removed first
    /// (the next list rebuilds it sealed). `limit` (tests) stops after that many files.
    public func migrateToEncrypted(limit: Int? = nil) throws(StoreError) -> Migration {
        guard cipher != nil else { return Migration() }
        var report = Migration()
        let names: [String]
        if let known = filesNotKnownSealed() {
            names = known
        } else {
            do {
                names = try POSIX.names(in: directory).sorted()
            } catch {
                if error.code == ENOENT { return report }
                throw .cannotList(path: directory, reason: error)
            }
            if let bytes = SessionIndex.readBytes(self), !AgeFile.looksEncrypted(bytes) { unlink(SessionIndex.path(self)) }
        }
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            if let limit, report.encrypted.count >= limit { break }
            let id = String(name.dropLast(".json".count))
            guard Self.isValid(id: id) else { continue }
            let target = Self.join(directory, name)
            guard let (bytes, _) = try? readStored(target), !AgeFile.looksEncrypted(bytes) else { continue }
            let lock: AssessmentLock
            do {
                lock = try AssessmentLock.acquire(id, in: self)
            } catch {
                if case .openElsewhere = error { report.skipped.append(id); continue }
                throw error
            }
            // Read again under the lock: the file may have changed since the look above.
            guard let (current, _) = try? readStored(target), !AgeFile.looksEncrypted(current) else { continue }
            _ = try writeDurably(try sealed(current, path: target), to: target, temporaryFor: id)
            withExtendedLifetime(lock) {}
            report.encrypted.append(id)
        }
        return report
    }

    /// The files a migration must look at, from a sealed index that is true for the folder: those
    /// not known to be sealed (usually none, so unlocking reads no saved file). Nil when there is
    /// no such index; then every file is looked at.
    func filesNotKnownSealed() -> [String]? {
        guard let (stamp, list) = SessionIndex.readList(self), stamp.isFine, stamp == SessionIndex.Stamp.of(directory) else {
            return nil
        }
        return list.filter { !$0.sealed }.map(\.summary.file).sorted()
    }

    /// Names of plain (unencrypted) saved files left in the folder: empty once migration is done.
    public func plainFiles() -> [String] {
        guard let names = try? POSIX.names(in: directory) else { return [] }
        return names.sorted().filter { name in
            guard name.hasSuffix(".json"), !name.hasPrefix("."), let (bytes, _) = try? Self.readFile(Self.join(directory, name)) else {
                return false
            }
            return !AgeFile.looksEncrypted(bytes)
        }
    }
}
