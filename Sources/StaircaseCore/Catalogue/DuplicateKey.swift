/// A key given twice in one JSON object. JSON's grammar allows it, but programs disagree on what
/// it means (Foundation keeps the first value, Python and jq the last), so a file read by
/// Staircase and by a script could say two different things: every loader refuses it, naming
/// where it is and what to do.
public struct DuplicateKey: Equatable, Sendable {
    /// The object holding the key, as people write paths (`answers["dev-1"]`, `domains[0]`), or
    /// "(top level)".
    public var path = "(top level)"
    /// The key, quoted, when it is safe to print (a name or a row id); nil for any other text,
    /// which could be case text, and errors reach stderr.
    public var key: String?
    /// The duplicate's place among the object's keys (1 for the first key).
    public var entry: Int
    public var line: Int
    public var column: Int

    init(key: String, entry: Int, line: Int, column: Int) {
        self.key = JSONSyntax.PathStep.printable(key) ? key : nil
        self.entry = entry
        self.line = line
        self.column = column
    }

    /// The problem as the catalogue and pack loaders report it (and the assessment loader as a field).
    public var problem: CatalogueProblem {
        let name = key.map { "'\($0)'" }
        let what = name.map { "the key \($0)" } ?? "a key (entry \(entry) of the object)"
        return CatalogueProblem(
            path: path,
            message: "\(what) is given twice (again at line \(line), column \(column)): other programs read the last, "
                + "this one would read the first",
            fix: "remove one of the two \(name.map { $0 + " " } ?? "")keys at \(path)")
    }
}

extension JSONSyntax {
    /// One step of the way to a value: a key of an object (with its place, to name a key that
    /// cannot be printed) or a position in an array.
    enum PathStep: Equatable, Sendable {
        case key(String, entry: Int)
        case index(Int)

        /// A name or a row id: letters, digits, '.', '-' and '_', short. Anything else may be
        /// text a practitioner typed.
        static func printable(_ key: String) -> Bool {
            !key.isEmpty && key.utf8.count <= 80
                && key.utf8.allSatisfy {
                    (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) || $0 == 46 || $0 == 45 || $0 == 95
                }
        }

        /// `name` for a plain name, `["dev.1"]` for other printable keys, `[entry 3]` otherwise.
        static func render(_ steps: [PathStep]) -> String {
            if steps.isEmpty { return "(top level)" }
            var out = ""
            for step in steps {
                switch step {
                case .index(let i): out += "[\(i)]"
                case .key(let k, let entry):
                    let plain = printable(k) && !k.contains(".") && !k.contains("-") && !(k.first?.isNumber ?? true)
                    if plain {
                        out += (out.isEmpty ? "" : ".") + k
                    } else {
                        out += printable(k) ? "[\"\(k)\"]" : "[entry \(entry)]"
                    }
                }
            }
            return out
        }
    }
}

extension JSONSyntax.Failure {
    /// The failure one level further out: a duplicate's path gains the step it was found under.
    func within(_ step: JSONSyntax.PathStep) -> Self {
        guard duplicate != nil else { return self }
        var f = self
        f.trail.append(step)
        return f
    }

    /// The duplicate's path and message filled in, once the error reaches the top.
    func placed() -> Self {
        guard var d = duplicate else { return self }
        var f = self
        d.path = JSONSyntax.PathStep.render(trail.reversed())
        f.duplicate = d
        f.trail = []
        f.message = d.problem.message + " — " + d.problem.fix
        return f
    }
}
