#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Turns bytes into a validated pack, every failure into a `TrainingPackError`. Pure: the
/// command line reads the file and hands over its bytes.
public enum TrainingPackLoader {
    public static let maximumBytes = 4 * 1024 * 1024

    public static func load(data: Data, file: String, catalogue: Catalogue) throws(TrainingPackError) -> TrainingPack {
        if data.isEmpty || data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) { throw .empty(file: file) }
        if data.count > maximumBytes { throw .tooLarge(file: file, bytes: data.count, limit: maximumBytes) }
        if let syntax = JSONSyntax.firstError(in: data) {
            if let d = syntax.duplicate { throw .invalid(file: file, problems: [d.problem]) }
            throw .malformedJSON(file: file, line: syntax.line, column: syntax.column, detail: syntax.message)
        }
        let pack: TrainingPack
        do {
            pack = try JSONDecoder().decode(TrainingPack.self, from: data)
        } catch let error as DecodingError {
            var p = DecodingProblem.problem(for: error)
            // The shared decoder's advice names the catalogue's schema; point at the pack's.
            if p.fix.hasPrefix("add it (see") {
                p.fix = "add it (see Data/training-pack.schema.json)"
            } else if p.fix.hasSuffix("Data/catalogue.schema.json") {
                p.fix = "check the value against Data/training-pack.schema.json"
            }
            throw .invalid(file: file, problems: [p])
        } catch {
            throw .invalid(
                file: file,
                problems: [
                    CatalogueProblem(path: "", message: "cannot decode", fix: "check the file against Data/training-pack.schema.json")
                ])
        }
        let problems = TrainingPackValidator.problems(in: pack, catalogue: catalogue)
        if !problems.isEmpty { throw .invalid(file: file, problems: problems) }
        return pack
    }
}
