import Foundation

@testable import StaircaseCore

/// Paths of test fixtures and project files, found from this source file so tests run from any
/// working directory.
enum Fixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let projectRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) -> String {
        testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    static func projectFile(_ relative: String) -> String {
        projectRoot.appendingPathComponent(relative).path
    }

    static func minimal() throws -> Catalogue {
        try CatalogueLoader.load(path: path("minimal.json"))
    }

    static func durham() throws -> Catalogue {
        try EmbeddedCatalogue.load()
    }

    /// The problems a broken fixture produces, or an empty list if it (wrongly) loaded.
    static func errors(of name: String) -> CatalogueError? {
        do {
            _ = try CatalogueLoader.load(path: path(name))
            return nil
        } catch {
            return error
        }
    }
}

/// The core reads no files (issue 19): tests read their fixtures here and hand over the bytes,
/// as the executable and the store do.
extension CatalogueLoader {
    static func load(path: String) throws(CatalogueError) -> Catalogue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: displayName(path), reason: "no such file")
        }
        return try load(data: data, file: displayName(path))
    }
}

extension AssessmentLoader {
    static func load(path: String, catalogue: Catalogue) throws(AssessmentError) -> Assessment {
        let name = CatalogueLoader.displayName(path)
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(file: name, reason: "no such file") }
        return try load(data: data, file: name, catalogue: catalogue)
    }
}
