/// Why a settings file was refused: the file, the line (0 when the problem is the whole file)
/// and what to do. Never quotes more of the file than a key name, so a stray paste cannot leak.
public struct SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var problem: String
    public var fix: String

    public init(file: String, line: Int, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    /// "/home/you/.config/staircase/config, line 3: unknown key — did you mean retention-days?"
    public var description: String {
        SafeText.clean(file) + (line > 0 ? ", line \(line)" : "") + ": " + problem + " — " + fix
    }
}
