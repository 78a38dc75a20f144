#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The Durham training pack compiled into the binary, so a facilitator with a copied
/// executable and no network still has cases to hand out. `--pack durham` names it.
public enum EmbeddedTrainingPack {
    public static let fileName = "durham-pack.json"
    /// What `--pack` accepts for the built-in pack.
    public static let name = "durham"

    /// The raw JSON, identical to `Data/training/durham-pack.json` (a test checks this).
    public static var bytes: Data { Data(json.utf8) }

    /// Decoded and validated against the catalogue it names.
    public static func load(catalogue: Catalogue) throws(TrainingPackError) -> TrainingPack {
        try TrainingPackLoader.load(data: bytes, file: fileName + " (built in)", catalogue: catalogue)
    }
}
