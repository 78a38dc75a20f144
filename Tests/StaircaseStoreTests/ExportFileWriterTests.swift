import Foundation
import Testing

@testable import StaircaseStore

/// The summary file is created 0600, never replaces an existing file without `force`, and with
/// `force` is replaced whole through a private temporary file.
@Suite(.serialized) struct ExportFileWriterTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("staircase-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func createsAPrivateFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/summary.md"
        try SummaryFileWriter.write("hello\n", to: path, force: false)
        #expect(Self.read(path) == "hello\n")
        #expect(try Self.mode(path) == 0o600)
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/summary.md"
        try SummaryFileWriter.write("first\n", to: path, force: false)
        #expect(throws: SummaryWriteError.exists(path: path)) { try SummaryFileWriter.write("second\n", to: path, force: false) }
        #expect(Self.read(path) == "first\n")
        #expect(SummaryWriteError.exists(path: path).description.contains("--force"))
    }

    @Test func refusesAnExistingSymlinkWithoutForce() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.md", withDestinationPath: dir + "/elsewhere.md")
        #expect(throws: SummaryWriteError.exists(path: dir + "/link.md")) {
            try SummaryFileWriter.write("x", to: dir + "/link.md", force: false)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/elsewhere.md"), "the link was not followed")
    }

    @Test func forceReplacesWholeAndPrivately() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/summary.html"
        _ = FileManager.default.createFile(
            atPath: path, contents: Data("old and longer content\n".utf8), attributes: [.posixPermissions: 0o644])
        try SummaryFileWriter.write("new\n", to: path, force: true)
        #expect(Self.read(path) == "new\n")
        #expect(try Self.mode(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["summary.html"], "no temporary file is left")
    }

    @Test func forceWorksForANewFileAndARelativePath() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SummaryFileWriter.write("a", to: dir + "/new.txt", force: true)
        #expect(Self.read(dir + "/new.txt") == "a")
        #expect(SummaryFileWriter.split("summary.md") == (".", "summary.md"))
        #expect(SummaryFileWriter.split("/summary.md") == ("/", "summary.md"))
    }

    @Test func reportsAMissingFolder() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for force in [false, true] {
            do {
                try SummaryFileWriter.write("x", to: dir + "/missing/summary.md", force: force)
                Issue.record("wrote into a missing folder")
            } catch {
                guard case .cannotCreate = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
            }
        }
        #expect(throws: SummaryWriteError.self) { try SummaryFileWriter.write("x", to: dir, force: true) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "no temporary file is left")
    }

    @Test func forceReplacesOnlyARegularFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        mkfifo(dir + "/pipe", 0o600)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/target")
        mkdir(dir + "/folder", 0o700)
        for name in ["pipe", "link", "folder"] {
            #expect(throws: SummaryWriteError.notRegularFile(path: dir + "/" + name)) {
                try SummaryFileWriter.write("x", to: dir + "/" + name, force: true)
            }
        }
        #expect(throws: SummaryWriteError.notRegularFile(path: "/dev/null")) {
            try SummaryFileWriter.write("x", to: "/dev/null", force: true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["folder", "link", "pipe"])
    }

    /// Issue 19, defect 9: a killed export once left its temporary file, the whole plain
    /// referral, beside the target. Written through an unnamed file (O_TMPFILE), it leaves no name.
    @Test func aKilledPlainExportLeavesNoNameAtAll() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/referral.md"
        SummaryFileWriter.stopBeforeLink = true
        try SummaryFileWriter.write("complete text\n", to: path, force: false)
        SummaryFileWriter.stopBeforeLink = false
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "no final name and no temporary name")
        try SummaryFileWriter.write("complete text\n", to: path, force: false)
        #expect(Self.read(path) == "complete text\n")
        #expect(throws: SummaryWriteError.exists(path: path)) { try SummaryFileWriter.write("again\n", to: path, force: false) }
    }

    /// Where unnamed files are not possible (and for --force), a killed export's temporary file is
    /// removed at the start of the next exporting command, whatever its name; a live one stays.
    @Test func orphansOfEveryNameAreRemovedAtTheStartOfAnExportingCommand() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = dir + "/.other.md.staircase-999999999-1.tmp"
        let live = dir + "/.third.md.staircase-\(getpid() == 1 ? 2 : 1)-1.tmp"
        for file in [dead, live] { FileManager.default.createFile(atPath: file, contents: Data("plain referral".utf8)) }
        SummaryFileWriter.removeOrphans(besides: dir + "/referral.md")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [".third.md.staircase-1-1.tmp"])
    }
}
