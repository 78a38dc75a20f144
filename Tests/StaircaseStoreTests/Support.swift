import Foundation
import StaircaseCore

@testable import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh private folder per test (mkdtemp), removed by `remove()`.
struct TempDirectory {
    let path: String

    init() throws {
        var base = NSTemporaryDirectory()
        while base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/staircase-store-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw SystemError(errno) }
        path = String(cString: made)
    }

    func remove() {
        // Undo any read-only folder a test made, so the tree can be removed.
        if let items = FileManager.default.enumerator(atPath: path) {
            for case let item as String in items { chmod(path + "/" + item, 0o700) }
        }
        chmod(path, 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }

    func sub(_ name: String) -> String { path + "/" + name }
}

enum Sample {
    static let catalogue = Assessment.CatalogueReference(id: "store-test", version: "1")

    static func assessment(_ id: String = "a1", name: String = "Jane van Doe", updated: String = "2026-11-23T14:05:00Z") -> Assessment {
        var a = Assessment(id: id, createdAt: "2026-11-20T09:00:00Z", catalogue: catalogue)
        a.updatedAt = updated
        a.child.name = name
        a.answers["d.r1"] = .init(.level2, note: "SECRET-NOTE")
        a.answers["d.r2"] = .init(.notAssessed)
        a.childsVoice = "SECRET-VOICE"
        return a
    }

    /// File mode bits (permissions only).
    static func mode(_ path: String) -> mode_t {
        var st = stat()
        guard stat(path, &st) == 0 else { return 0 }
        return st.st_mode & 0o7777
    }

    /// The folder's entries, without the store's private `.staircase` folder (locks and index).
    static func names(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0 != ".staircase" }.sorted()
    }

    static func write(_ text: String, to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    /// A three-row, one-area catalogue matching `catalogue`, decoded without the validator so
    /// these tests never depend on the Durham catalogue.
    static func engine() throws -> ScoringEngine {
        func row(_ id: String) -> String {
            let cell = #"{"text": "x", "links": []}"#
            return #"{"id": "\#(id)", "title": "t", "tags": [], "levels": {"1": \#(cell), "2": \#(cell), "3": \#(cell), "4": \#(cell)}}"#
        }
        let level = { (n: Int) in
            #"{"number": \#(n), "name": "L\#(n)", "meaning": "m", "leadAgencies": [], "courseOfAction": {"routes": []}}"#
        }
        let json = """
            {"schemaVersion": 1, "id": "store-test", "title": "t", "authority": "a", "version": "1",
             "source": {"document": "d", "notes": []},
             "levels": [\((1...4).map(level).joined(separator: ","))],
             "steps": [], "contacts": [], "services": [], "tags": [], "glossary": [], "concernCategories": [],
             "rules": {"combination": {"minimumRows": 9, "minimumAreas": 9, "minimumDomains": 1, "proposesLevel": 3, "quote": "q"},
                       "toxicTrio": {"componentTags": [], "minimumLevel": 2, "quote": "q"}, "stepFive": {"tag": "none"}},
             "domains": [{"id": "d", "name": "D", "description": "d", "areas": [
                {"id": "d.a", "name": "A", "section": "s", "indicators": [\(row("d.r1")), \(row("d.r2")), \(row("d.r3"))]}]}]}
            """
        return ScoringEngine(catalogue: try JSONDecoder().decode(Catalogue.self, from: Data(json.utf8)))
    }
}
