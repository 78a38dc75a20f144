import Foundation
import StaircaseAge
import StaircaseCore
import Testing

@testable import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 14's retention and export pieces in the store: the settings files, the export record
/// (`sessions purge --exported`) and exports encrypted to age recipients.
@Suite struct RetentionStoreTests {
    // MARK: Settings files

    static func file(_ dir: TempDirectory, _ name: String, _ text: String, mode: mode_t = 0o644) throws -> String {
        let path = dir.sub(name)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        Sample.write(text, to: path)
        chmod(path, mode)
        return path
    }

    @Test func missingFilesGiveTheDefaults() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let s = try SettingsFiles.load(systemPath: dir.sub("none"), environment: ["HOME": dir.sub("home")])
        #expect(s == StaircaseSettings())
    }

    @Test func theUserFileIsFoundWhereXDGSaysAndMergedByThePolicy() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let system = try Self.file(dir, "etc/config", "retention-days = 90\nstore-encryption = on\n")
        _ = try Self.file(dir, "xdg/staircase/config", "retention-days = 30\nidle-lock-minutes = 3\n", mode: 0o600)
        _ = try Self.file(dir, "home/.config/staircase/config", "retention-days = 7\n", mode: 0o600)
        let s = try SettingsFiles.load(systemPath: system, environment: ["XDG_CONFIG_HOME": dir.sub("xdg"), "HOME": dir.sub("home")])
        #expect(s.retentionDays == 30)
        #expect(s.idleLockSeconds == 180)
        #expect(s.encryptionRequired)
        #expect(SettingsFiles.userPath(environment: ["HOME": "/home/you"]) == "/home/you/.config/staircase/config")
        #expect(SettingsFiles.userPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/staircase/config")
        let home = try SettingsFiles.load(systemPath: system, environment: ["HOME": dir.sub("home")])
        #expect(home.retentionDays == 7)
    }

    /// The checks that keep another account from loosening anyone's settings.
    @Test func unsafeOrMalformedFilesAreRefusedWithTheFix() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let env = ["XDG_CONFIG_HOME": dir.sub("xdg")]
        let user = try Self.file(dir, "xdg/staircase/config", "retention-days = 30\n", mode: 0o664)
        func refusal(_ systemPath: String) -> String? {
            do {
                _ = try SettingsFiles.load(systemPath: systemPath, environment: env)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(refusal(dir.sub("none")) == "\(user): your settings file may be changed by other accounts — run chmod go-w on it")
        chmod(user, 0o600)
        #expect(refusal(dir.sub("none")) == nil)
        if geteuid() == 0 {
            chown(user, 65534, 65534)
            #expect(refusal(dir.sub("none"))?.contains("belongs to another account") == true)
            chown(user, 0, 0)
        }
        let open = try Self.file(dir, "etc/open", "retention-days = 30\n", mode: 0o666)
        #expect(
            refusal(open)
                == "\(open): the organisation's settings file may be changed by other accounts — make it writable by its owner only (chmod 644, by IT)"
        )
        let folder = dir.sub("etc/folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(refusal(folder)?.hasPrefix("\(folder): not a regular file") == true)
        let fifo = dir.sub("etc/fifo")
        mkfifo(fifo, 0o644)
        #expect(refusal(fifo)?.hasPrefix("\(fifo): not a regular file") == true, "a FIFO does not hang start-up")
        let typo = try Self.file(dir, "etc/typo", "# IT\nretention-dayz = 30\n")
        #expect(
            refusal(typo)
                == "\(typo), line 2: unknown key retention-dayz — did you mean retention-days? The keys are retention-days, idle-lock-minutes, store-encryption, brief-line-mode"
        )
    }

    // MARK: The export record

    @Test func recordingAnExportKeepsTheRetentionClockAndRespectsTheLock() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.sub("store"))
        let a = Sample.assessment("x1", updated: "2026-01-05T10:00:00Z")
        try store.save(a)
        let record = Assessment.ExportRecord(at: "2026-11-26T15:00:00+00:00", format: .html)
        #expect(try store.recordExport(record, of: a))
        let saved = try store.load(id: "x1")
        #expect(saved.lastExport == record)
        #expect(saved.updatedAt == "2026-01-05T10:00:00Z", "an export is not a change")
        #expect(store.list().first?.lastChange == "2026-01-05T10:00:00Z", "the index agrees")

        // A version that is no longer the saved one is not marked as exported.
        var stale = a
        stale.childsVoice = "an older version"
        #expect(try !store.recordExport(record, of: stale))

        // Open in a wizard: refused, nothing written.
        let wizard = OpenAssessments(store: store)
        _ = try wizard.open(id: "x1")
        #expect(throws: StoreError.self) {
            try store.recordExport(Assessment.ExportRecord(at: "2026-11-27T09:00:00Z", format: .markdown), of: saved)
        }
        do throws(StoreError) {
            try store.recordExport(Assessment.ExportRecord(at: "2026-11-27T09:00:00Z", format: .markdown), of: saved)
        } catch {
            guard case .openElsewhere = error else { Issue.record("expected openElsewhere, got \(error)"); return }
        }
        wizard.close()
        #expect(try store.load(id: "x1").lastExport == record)
    }

    @Test func onlyExportedAssessmentsArePurgedWithExported() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.sub("store"))
        var sent = Sample.assessment("sent", updated: "2026-01-05T10:00:00Z")
        sent.lastExport = .init(at: "2026-01-06T10:00:00Z", format: .text)
        try store.save(sent)
        try store.save(Sample.assessment("unsent", updated: "2026-01-05T10:00:00Z"))
        var recent = Sample.assessment("recent", updated: "2026-11-20T10:00:00Z")
        recent.lastExport = .init(at: "2026-11-21T10:00:00Z", format: .markdown, encrypted: true)
        try store.save(recent)
        let cutoff = try #require(CalendarDate("2026-08-28"))
        #expect(store.expired(before: cutoff).map(\.id).sorted() == ["sent", "unsent"])
        #expect(store.expired(before: cutoff, exportedOnly: true).map(\.id) == ["sent"])
    }

    // MARK: Exports encrypted to recipients

    @Test func anInvalidRecipientIsNamed() {
        let good = X25519Identity.generate().recipient.string
        #expect(throws: ExportRecipients.Invalid(recipient: "age1nope")) { try ExportRecipients([good, "age1nope"]) }
        #expect(throws: ExportRecipients.Invalid(recipient: "", secret: true)) { try ExportRecipients(["AGE-SECRET-KEY-1XYZ"]) }
        let secret = ExportRecipients.Invalid(recipient: "", secret: true).description
        #expect(secret.contains("that is a secret key") && secret.contains("age-keygen -y") && !secret.contains("XYZ"))
        #expect(ExportRecipients.Invalid(recipient: "x").description.hasPrefix("--to x: not an age recipient"))
    }

    @Test func anEncryptedExportOpensWithEitherIdentityAndIsWrittenWithoutReplacing() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let first = X25519Identity.generate()
        let second = X25519Identity.generate()
        let sealing = try ExportRecipients([first.recipient.string, second.recipient.string, first.recipient.string])
        #expect(sealing.recipients.count == 2)
        let path = dir.sub("kai.md.age")
        try SummaryFileWriter.write(bytes: try sealing.seal("# Referral for CANARY-CHILD\n"), to: path, force: false)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(AgeFile.looksEncrypted(bytes))
        #expect(!EncryptedStoreTests.contains(bytes, "CANARY-CHILD"))
        #expect(Sample.mode(path) == 0o600)
        for identity in [first, second] {
            #expect(String(decoding: try AgeFile.decrypt(bytes, identities: [identity]), as: UTF8.self) == "# Referral for CANARY-CHILD\n")
        }
        #expect(throws: SummaryWriteError.exists(path: path)) { try SummaryFileWriter.write(bytes: [1], to: path, force: false) }
        #expect(Sample.names(dir.path) == ["kai.md.age"], "no temporary copy is left")
    }
}
