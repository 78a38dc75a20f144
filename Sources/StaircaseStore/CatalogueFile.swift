import StaircaseCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a catalogue file named by `--catalogue` or `STAIRCASE_CATALOGUE`, refused from its size
/// before it is read, and hands the bytes to the core's `CatalogueLoader` (which reads no files).
public enum CatalogueFile {
    public static func load(path: String) throws(CatalogueError) -> Catalogue {
        let name = CatalogueLoader.displayName(path)
        let bytes: [UInt8]
        do throws(AssessmentFile.ReadError) {
            bytes = try AssessmentFile.read(path, limit: CatalogueLoader.maximumBytes)
        } catch {
            switch error {
            case .tooLarge:
                var st = stat()
                let size = stat(path, &st) == 0 ? Int(st.st_size) : CatalogueLoader.maximumBytes + 1
                throw .tooLarge(file: name, bytes: size, limit: CatalogueLoader.maximumBytes)
            case .unreadable(_, let reason):
                throw .unreadable(
                    file: name,
                    reason: reason.code == ENOENT
                        ? "no such file" : reason.code == EISDIR ? "it is a folder" : "permission denied or unreadable")
            }
        }
        return try CatalogueLoader.load(data: Data(bytes), file: name)
    }
}
