import StaircaseAge

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SessionStore {
    /// What one resealing did: the ids now sealed to the store's current recipients, and those
    /// the key could not open (sealed before a recovery recipient was set up, or damaged).
    public struct Resealing: Equatable, Sendable {
        public var recovered: [String] = []
        public var unreadable: [String] = []
    }

    /// Every saved file opened in memory with `key` and sealed again to `cipher`'s recipients, one
    /// durable write each; nothing plain reaches the disk. Two uses: a forgotten passphrase (`key`
    /// is the organisation's recovery identity, `cipher` the new store key and the recovery
    /// recipients), and a recovery recipient added later (`key` is the store's own identity).
    ///
    /// Every file is opened before anything is written, so a wrong recovery key changes nothing.
    /// Files the key cannot open stay as they were and are listed; an assessment open in a
    /// wizard is refused (`openElsewhere`), as the wizard would write it with the old key.
    /// The sealed list index is removed; the next list rebuilds it with the new key.
    /// `dryRun` opens every file and writes nothing: what a recovery would do, before a new
    /// passphrase is asked for.
    public func reseal(openingWith key: X25519Identity, dryRun: Bool = false) throws(StoreError) -> Resealing {
        guard let cipher = dryRun ? self.cipher ?? StoreCipher(recipients: [], identity: nil) : cipher else {
            throw .locked(path: directory)
        }
        let names: [String]
        do {
            names = try POSIX.names(in: directory).sorted()
        } catch {
            throw .cannotList(path: directory, reason: error)
        }
        var report = Resealing()
        var opened: [(id: String, path: String, plain: [UInt8], lock: AssessmentLock)] = []
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let id = String(name.dropLast(".json".count))
            guard Self.isValid(id: id) else { continue }
            let path = Self.join(directory, name)
            let lock = try AssessmentLock.acquire(id, in: self)
            guard let (bytes, _) = try? Self.readFile(path) else {
                report.unreadable.append(id)
                continue
            }
            guard AgeFile.looksEncrypted(bytes) else {
                // Plain already: sealed with the new key like every other file.
                opened.append((id, path, bytes, lock))
                continue
            }
            guard let plain = try? AgeFile.decrypt(bytes, identities: [key]) else {
                report.unreadable.append(id)
                continue
            }
            opened.append((id, path, plain, lock))
        }
        if dryRun {
            report.recovered = opened.map(\.id)
            return report
        }
        unlink(SessionIndex.path(self))
        for file in opened {
            _ = try writeDurably(try cipher.seal(file.plain, path: file.path), to: file.path, temporaryFor: file.id)
            withExtendedLifetime(file.lock) {}
            report.recovered.append(file.id)
        }
        return report
    }
}

extension StoreKeyring {
    /// Replaces the store identity with a new one wrapped with `passphrase`, after a forgotten one: the
    /// old identity is lost with its passphrase, and every file is then sealed again to the new key.
    public func replace(passphrase: String, workFactor: Int = ScryptRecipient.defaultWorkFactor) throws(StoreError) -> StoreIdentity {
        try writeNewIdentity(passphrase: passphrase, workFactor: workFactor)
    }
}
