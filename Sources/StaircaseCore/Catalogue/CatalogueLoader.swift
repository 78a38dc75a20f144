#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Reads a catalogue from bytes, and turns every decoding failure into a `CatalogueError` that a
/// non-programmer can act on. The bytes come from the executable or the store (`CatalogueFile`):
/// the core reads no files.
public enum CatalogueLoader {
    /// Larger than any plausible threshold document; stops a wrong file from eating memory.
    public static let maximumBytes = 16 * 1024 * 1024

    /// Decodes and validates; `file` is only used to name the source in errors.
    public static func load(data: Data, file: String) throws(CatalogueError) -> Catalogue {
        if data.isEmpty || data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) {
            throw .empty(file: file)
        }
        if data.count > maximumBytes {
            throw .tooLarge(file: file, bytes: data.count, limit: maximumBytes)
        }
        let tree: JSONTree
        do throws(JSONSyntax.Failure) {
            tree = try JSONSyntax.parse(data)
        } catch {
            if let d = error.duplicate { throw .invalid(file: file, problems: [d.problem]) }
            throw .malformedJSON(file: file, line: error.line, column: error.column, detail: error.message)
        }
        let catalogue: Catalogue
        do {
            catalogue = try JSONDecoder().decode(Catalogue.self, from: data)
        } catch let error as DecodingError {
            throw .invalid(file: file, problems: [DecodingProblem.problem(for: error)])
        } catch {
            throw .invalid(
                file: file,
                problems: [CatalogueProblem(path: "", message: "cannot decode", fix: "check the file against Data/catalogue.schema.json")])
        }
        // Every problem once the file decodes: the schema refuses unknown keys everywhere, and so
        // does the program, by path, beside what the validator finds.
        let problems = StrictKeys.unknown(in: tree, decoded: catalogue) + CatalogueValidator.problems(in: catalogue)
        if !problems.isEmpty { throw .invalid(file: file, problems: problems) }
        return catalogue
    }

    public static func displayName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
