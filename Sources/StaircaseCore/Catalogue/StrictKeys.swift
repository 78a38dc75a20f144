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
    static func firstUnknown(in file: JSONTree, decoded: JSONTree, at path: String = "") -> CatalogueProblem? {
        switch (file, decoded) {
        case (.object(let mine), .object(let known)):
            // A null stands for an absent optional, which encoding leaves out.
            for key in mine.keys.sorted() where mine[key] != .null {
                guard let value = known[key] else {
                    let p = AssessmentShape.unknownKey(key, at: path, known: known.keys.sorted())
                    return CatalogueProblem(path: p.path, message: p.message, fix: p.fix)
                }
                if let deeper = firstUnknown(in: mine[key] ?? .null, decoded: value, at: AssessmentShape.join(path, key)) { return deeper }
            }
        case (.array(let mine), .array(let known)):
            for (i, (a, b)) in zip(mine, known).enumerated() {
                if let deeper = firstUnknown(in: a, decoded: b, at: "\(path)[\(i)]") { return deeper }
            }
        default: break
        }
        return nil
    }

    /// The first unknown key in `data`, given the value decoded from it; nil when every key is known.
    static func firstUnknown<T: Encodable>(in data: Data, decoded value: T) -> CatalogueProblem? {
        guard let file = JSONTree.parse(data), let encoded = try? JSONEncoder().encode(value), let tree = JSONTree.parse(encoded) else {
            return nil
        }
        return firstUnknown(in: file, decoded: tree)
    }
}
