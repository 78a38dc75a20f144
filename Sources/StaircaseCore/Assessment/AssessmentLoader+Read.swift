#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension AssessmentLoader {
    /// A file's bytes (standard input for "-"), for callers that decode before they know which
    /// catalogue to check against (`compare`, `assess --from`, across catalogue versions).
    public static func read(path: String) throws(AssessmentError) -> Data {
        do {
            return try path == "-" ? StandardInput.readAll() : Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path == "-" ? "stdin" : CatalogueLoader.displayName(path), reason: "no such file, or not readable")
        }
    }
}
