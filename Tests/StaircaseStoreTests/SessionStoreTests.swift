import Foundation
import StaircaseCore
import Testing

@testable import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// Saving, loading, replacing and deleting, each in a fresh mkdtemp folder.
@Suite struct SessionStoreTests {
    @Test func roundTripsAndLeavesOnlyTheFile() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.sub("staircase"))
        let a = Sample.assessment()
        try store.save(a)
        #expect(try store.load(id: "a1") == a)
        #expect(Sample.names(store.directory) == ["a1.json"])
        let text = try String(contentsOfFile: store.directory + "/a1.json", encoding: .utf8)
        #expect(text.hasPrefix("{\n") && text.hasSuffix("}\n"))
        // Sorted keys: "answers" comes before "catalogue", which comes before "child".
        let keys = ["\"answers\"", "\"catalogue\"", "\"child\""].compactMap { text.range(of: $0)?.lowerBound }
        #expect(keys.count == 3 && keys == keys.sorted())
    }

    @Test func savingAgainReplacesTheFile() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        var a = Sample.assessment()
        try store.save(a)
        a.answers["d.r3"] = .init(.level4)
        a.updatedAt = "2026-11-24T08:00:00Z"
        try store.save(a)
        #expect(try store.load(id: "a1") == a)
        #expect(Sample.names(dir.path) == ["a1.json"])
    }

    @Test(arguments: [SessionStore.SaveStage.afterWrite, .beforeRename])
    func aFailedSaveLeavesTheOldFileAndNoTemporaryFile(stage: SessionStore.SaveStage) throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        var store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment())
        let before = try Data(contentsOf: URL(fileURLWithPath: dir.sub("a1.json")))
        store.interruption = stage
        var changed = Sample.assessment()
        changed.child.name = "Someone Else"
        #expect(throws: StoreError.self) { try store.save(changed) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.sub("a1.json"))) == before)
        #expect(Sample.names(dir.path) == ["a1.json"])
    }

    @Test func aStorePathUnderAFileFailsCleanly() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        Sample.write("not a folder", to: dir.sub("file"))
        let store = SessionStore(directory: dir.sub("file/staircase"))
        do {
            try store.save(Sample.assessment())
            Issue.record("saved under a file")
        } catch {
            #expect(error == .cannotCreateDirectory(path: dir.sub("file"), reason: SystemError(ENOTDIR)))
            #expect(error.description.contains("XDG_DATA_HOME"))
            #expect(!error.description.contains("Jane"))
        }
        #expect(Sample.names(dir.path) == ["file"])
    }

    @Test(.enabled(if: getuid() != 0, "root ignores folder permissions"))
    func aReadOnlyFolderLeavesTheOldFileAndNoTemporaryFile() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.sub("s"))
        try store.save(Sample.assessment())
        let before = try Data(contentsOf: URL(fileURLWithPath: dir.sub("s/a1.json")))
        chmod(dir.sub("s"), 0o500)
        defer { chmod(dir.sub("s"), 0o700) }
        var changed = Sample.assessment()
        changed.child.name = "Someone Else"
        #expect(throws: StoreError.self) { try store.save(changed) }
        chmod(dir.sub("s"), 0o700)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.sub("s/a1.json"))) == before)
        #expect(Sample.names(dir.sub("s")) == ["a1.json"])
    }

    @Test(arguments: ["../escape", "a/b", "..", ".", "", "a b", "é", "a.json", String(repeating: "x", count: 81), "id\u{1B}[2J"])
    func refusesIDsThatCouldLeaveTheFolder(id: String) throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.sub("s"))
        var a = Sample.assessment()
        a.id = id
        #expect(throws: StoreError.invalidID(id)) { try store.save(a) }
        #expect(throws: StoreError.invalidID(id)) { try store.load(id: id) }
        #expect(throws: StoreError.invalidID(id)) { try store.delete(id: id) }
        #expect(Sample.names(dir.path).isEmpty)
        #expect(!StoreError.invalidID(id).description.contains("\u{1B}"))
    }

    @Test func acceptsTheLongestValidID() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let id = String(repeating: "A-z_9", count: 16)
        try SessionStore(directory: dir.path).save(Sample.assessment(id))
        #expect(Sample.names(dir.path) == [id + ".json"])
    }

    @Test func loadAndDeleteReportAMissingSession() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        #expect(throws: StoreError.notFound(id: "nope", directory: dir.path)) { try store.load(id: "nope") }
        #expect(throws: StoreError.notFound(id: "nope", directory: dir.path)) { try store.delete(id: "nope") }
        #expect(StoreError.notFound(id: "nope", directory: dir.path).description.contains("sessions list"))
    }

    @Test func deleteRemovesTheFile() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment("keep"))
        try store.save(Sample.assessment("gone"))
        try store.delete(id: "gone")
        #expect(Sample.names(dir.path) == ["keep.json"])
        #expect(throws: StoreError.notFound(id: "gone", directory: dir.path)) { try store.load(id: "gone") }
    }

    @Test func aFileWhoseIDDiffersFromItsNameIsDamaged() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        try store.save(Sample.assessment("real"))
        rename(dir.sub("real.json"), dir.sub("other.json"))
        #expect(throws: StoreError.damaged(path: dir.sub("other.json"), reason: "the id inside does not match the file name")) {
            try store.load(id: "other")
        }
    }

    @Test func damagedFilesNeverQuoteTheirContents() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let store = SessionStore(directory: dir.path)
        /// A good file with one field spoiled, so decoding gets as far as the bad value.
        func spoiled(_ id: String, _ change: (inout [String: Any]) -> Void) throws -> String {
            let data = try JSONEncoder().encode(Sample.assessment(id))
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            change(&object)
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        let cases = [
            "cut": #"{"id": "cut", "child": {"name": "SECRET-NAME"#,
            "badrating": try spoiled("badrating") { $0["answers"] = ["SECRET-KEY": ["rating": "SECRET-9", "note": ""]] },
            "badtype": try spoiled("badtype") { $0["child"] = ["name": ["SECRET-NAME"], "unborn": false] },
        ]
        for (id, text) in cases {
            Sample.write(text, to: dir.sub(id + ".json"))
            do {
                _ = try store.load(id: id)
                Issue.record("\(id) loaded")
            } catch {
                guard case .damaged = error else {
                    Issue.record("\(id): \(error)")
                    continue
                }
                #expect(!error.description.contains("SECRET"), "\(error)")
                #expect(error.description.contains(dir.sub(id + ".json")))
                #expect(id == "cut" || error.description.contains(id == "badrating" ? "field answers" : "field child"), "\(error)")
            }
        }
    }
}

/// Where the store lives when no --store is given.
@Suite struct DefaultDirectoryTests {
    @Test func usesXDGDataHomeWhenAbsolute() throws {
        let env = ["XDG_DATA_HOME": "/data/me", "HOME": "/home/me"]
        #expect(try SessionStore.defaultDirectory(environment: env) == "/data/me/staircase")
        #expect(try SessionStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/data/me/"]) == "/data/me/staircase")
    }

    @Test(arguments: [["HOME": "/home/me"], ["HOME": "/home/me", "XDG_DATA_HOME": ""], ["HOME": "/home/me", "XDG_DATA_HOME": "rel/data"]])
    func fallsBackToHome(env: [String: String]) throws {
        #expect(try SessionStore.defaultDirectory(environment: env) == "/home/me/.local/share/staircase")
    }

    @Test(arguments: [[:], ["HOME": ""], ["HOME": "relative"], ["XDG_DATA_HOME": "relative"]])
    func needsAnAbsoluteHome(env: [String: String]) {
        #expect(throws: StoreError.noHomeDirectory) { try SessionStore.defaultDirectory(environment: env) }
        #expect(StoreError.noHomeDirectory.description.contains("--store"))
    }
}
