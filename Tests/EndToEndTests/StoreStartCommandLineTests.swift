import Foundation
import Testing

/// Issue 19, defects 6 and 8: what is wrong with a store folder is said when it is opened,
/// before anything is typed or written, never at the first save.
@Suite struct StoreStartCommandLineTests {
    static func folder(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "staircase-start-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    @Test func aStoreInAFolderOthersCanChangeIsRefusedAtStart() throws {
        let base = try Self.folder("open")
        defer { try? FileManager.default.removeItem(atPath: base) }
        let open = base + "/o"
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o777])
        chmod(open, 0o777)
        let r = try Tmux.staircase(["sessions", "list", "--store", open + "/s"])
        #expect(r.status == 74, "\(r.output)")
        #expect(r.output.contains("can be changed by other users"), "\(r.output)")
        #expect(!FileManager.default.fileExists(atPath: open + "/s"), "nothing made inside it")
    }

    @Test(arguments: [true, false])
    func encryptedSavesWithoutTheirIdentityAreRefusedAndNothingIsWritten(plain: Bool) throws {
        let store = try Self.folder("noidentity")
        defer { try? FileManager.default.removeItem(atPath: store) }
        let saved = store + "/a-1.json"
        try Data("age-encryption.org/v1\n-> X25519 abc\nrest".utf8).write(to: URL(fileURLWithPath: saved))
        chmod(saved, 0o600)
        let before = try FileManager.default.contentsOfDirectory(atPath: store).sorted()
        let r = try Tmux.staircase(["sessions", "list", "--store", store], env: ["STAIRCASE_STORE_UNENCRYPTED": plain ? "1" : ""])
        #expect(r.status == 74, "\(r.output)")
        #expect(r.output.contains("store-identity.age") && r.output.contains("recovery key"), "\(r.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: store).sorted() == before, "nothing written into it")
    }
}
