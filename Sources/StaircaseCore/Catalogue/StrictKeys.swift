#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Finds keys in a JSON file that decoding ignored, by walking the file beside the decoded value
/// encoded again: a key in the file that the encoding does not write is one no type knows.
///
/// Used for catalogues, whose schema (Data/catalogue.schema.json) refuses unknown keys
/// everywhere: the program then refuses them too, by path, with the nearest known key.
enum StrictKeys {
    /// Every key in `file` that `decoded` does not write, in file order by path.
    static func unknown(in file: JSONTree, decoded: JSONTree, at path: String = "") -> [CatalogueProblem] {
        var out: [CatalogueProblem] = []
        switch (file, decoded) {
        case (.object(let mine), .object(let known)):
            // A null stands for an absent optional, which encoding leaves out.
            for key in mine.keys.sorted() where mine[key] != .null {
                guard let value = known[key] else {
                    let p = AssessmentShape.unknownKey(key, at: path, known: known.keys.sorted())
                    out.append(CatalogueProblem(path: p.path, message: p.message, fix: p.fix))
                    continue
                }
                out += unknown(in: mine[key] ?? .null, decoded: value, at: AssessmentShape.join(path, key))
            }
        case (.array(let mine), .array(let known)):
            for (i, (a, b)) in zip(mine, known).enumerated() {
                out += unknown(in: a, decoded: b, at: "\(path)[\(i)]")
            }
        default: break
        }
        return out
    }

    /// Every unknown key in the parsed file, given the value decoded from it; empty when every
    /// key is known.
    static func unknown<T: Encodable>(in file: JSONTree, decoded value: T) -> [CatalogueProblem] {
        guard let encoded = try? JSONEncoder().encode(value), let tree = JSONTree.parse(encoded) else { return [] }
        return unknown(in: file, decoded: tree)
    }
}
