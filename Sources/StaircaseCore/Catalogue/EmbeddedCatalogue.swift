/// The County Durham catalogue compiled into the binary: the default when no other is named.
///
/// Only the compiled value ships (`EmbeddedCatalogue+Compiled.swift`, written by
/// `Scripts/embed-catalogue` from `Data/durham.json`); a test proves it equals the decoded,
/// validated JSON file, so `Data/durham.json` stays the one source of truth, and the JSON itself
/// ships beside the binary in the .deb for IT and trainers to read.
public enum EmbeddedCatalogue {
    public static let fileName = "durham.json"

    /// The compiled catalogue. Between the two steps of `Scripts/embed-catalogue` (which builds
    /// the generator with no compiled value, so an edited model still compiles) there is none.
    public static func load() throws(CatalogueError) -> Catalogue {
        guard let compiled else {
            throw .invalid(
                file: fileName + " (built in)",
                problems: [
                    CatalogueProblem(
                        path: "", message: "this build has no built-in catalogue", fix: "run Scripts/embed-catalogue, then build again")
                ])
        }
        return compiled
    }

    /// The compiled catalogue checked again by the validator, for `catalogue validate` with no
    /// file: every rule the validator knows, run on what the program actually uses.
    public static func validated() throws(CatalogueError) -> Catalogue {
        let c = try load()
        let problems = CatalogueValidator.problems(in: c)
        if !problems.isEmpty { throw .invalid(file: fileName + " (built in)", problems: problems) }
        return c
    }
}
