import Foundation
import StaircaseCore
import Testing

@testable import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// Files 0600 and folders 0700 whatever the umask. Serialized because the umask is per process.
@Suite(.serialized) struct PermissionTests {
    /// Runs `body` with the umask set, restoring the previous one afterwards.
    func withUmask(_ mask: mode_t, _ body: () throws -> Void) rethrows {
        let previous = umask(mask)
        defer { umask(previous) }
        try body()
    }

    @Test(arguments: [mode_t(0o022), 0o000, 0o077])
    func createdFoldersAndFilesArePrivate(mask: mode_t) throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try withUmask(mask) {
            let store = SessionStore(directory: dir.sub("data/deeper/staircase"))
            try store.save(Sample.assessment())
            #expect(Sample.mode(dir.sub("data")) == 0o700)
            #expect(Sample.mode(dir.sub("data/deeper")) == 0o700)
            #expect(Sample.mode(store.directory) == 0o700)
            #expect(Sample.mode(store.directory + "/a1.json") == 0o600)
            // A replacement is a new file, and must be private too.
            try store.save(Sample.assessment())
            #expect(Sample.mode(store.directory + "/a1.json") == 0o600)
            #expect(Sample.names(store.directory) == ["a1.json"])
        }
    }

    @Test(arguments: [mode_t(0o022), 0o000])
    func anExistingOpenFolderIsMadePrivate(mask: mode_t) throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        try withUmask(mask) {
            mkdir(dir.sub("open"), 0o777)
            chmod(dir.sub("open"), 0o777)
            try SessionStore(directory: dir.sub("open")).save(Sample.assessment())
            #expect(Sample.mode(dir.sub("open")) == 0o700)
            #expect(Sample.mode(dir.sub("open/a1.json")) == 0o600)
        }
    }

    @Test func anOpenOldFileIsReplacedByAPrivateOne() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        Sample.write("{}", to: dir.sub("a1.json"))
        chmod(dir.sub("a1.json"), 0o666)
        try withUmask(0) {
            try SessionStore(directory: dir.path).save(Sample.assessment())
        }
        #expect(Sample.mode(dir.sub("a1.json")) == 0o600)
    }
}
