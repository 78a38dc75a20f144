#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The County Durham catalogue compiled into the binary: the default when no other is named.
public enum EmbeddedCatalogue {
    public static let fileName = "durham.json"

    /// The raw JSON, identical to `Data/durham.json` (a test checks this).
    public static var bytes: Data { Data(json.utf8) }

    /// The compiled value when Scripts/embed-catalogue has written one (a test proves it equals
    /// the decoded, validated JSON), else the JSON decoded now. Decoding costs milliseconds of
    /// start-up; the compiled value costs none.
    public static func load() throws(CatalogueError) -> Catalogue {
        if let compiled { return compiled }
        return try decoded()
    }

    /// The JSON, decoded and validated: the reference the compiled value is tested against.
    public static func decoded() throws(CatalogueError) -> Catalogue {
        try CatalogueLoader.load(data: bytes, file: fileName + " (built in)")
    }
}
