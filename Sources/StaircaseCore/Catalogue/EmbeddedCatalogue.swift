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

    public static func load() throws(CatalogueError) -> Catalogue {
        try CatalogueLoader.load(data: bytes, file: fileName + " (built in)")
    }
}
