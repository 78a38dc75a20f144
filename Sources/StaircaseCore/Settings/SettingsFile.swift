/// What one settings file says (nil: the file does not say), parsed from its text.
///
/// The format is deliberately small: one `key = value` a line, blank lines, and `#` comments (a
/// whole line, or after a value). Unknown keys, a key given twice and a value out of range are
/// errors naming the line, so a typo such as `retention-day = 90` is never silently ignored.
public struct SettingsFile: Equatable, Sendable {
    /// Days after its last change that a saved assessment is past the organisation's period.
    public var retentionDays: Int?
    /// Minutes without a key before the wizard hides the case behind the lock screen.
    public var idleLockMinutes: Int?
    /// `on`: saved assessments are encrypted; `off`: the store may stay plain.
    public var storeEncryption: Bool?
    /// `on`: line mode starts in its brief wording (a person's preference, not a policy).
    public var briefLineMode: Bool?

    public init(retentionDays: Int? = nil, idleLockMinutes: Int? = nil, storeEncryption: Bool? = nil, briefLineMode: Bool? = nil) {
        self.retentionDays = retentionDays
        self.idleLockMinutes = idleLockMinutes
        self.storeEncryption = storeEncryption
        self.briefLineMode = briefLineMode
    }

    public enum Key: String, CaseIterable, Sendable {
        case retentionDays = "retention-days"
        case idleLockMinutes = "idle-lock-minutes"
        case storeEncryption = "store-encryption"
        case briefLineMode = "brief-line-mode"
    }

    public static let retentionRange = 1...36_500
    public static let idleLockRange = 1...480

    /// Parses `text`; `file` names the file in errors.
    public static func parse(_ text: String, file: String) throws(SettingsError) -> SettingsFile {
        var result = SettingsFile()
        var seen: Set<Key> = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            func fail(_ problem: String, _ fix: String) -> SettingsError {
                SettingsError(file: file, line: number, problem: problem, fix: fix)
            }
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let content = String(line).trimmingSpaces
            if content.isEmpty { continue }
            guard let equals = content.firstIndex(of: "=") else {
                throw fail("not a setting", "write it as `key = value` (for example `retention-days = 90`), or start it with #")
            }
            let name = String(content[..<equals]).trimmingSpaces
            let value = String(content[content.index(after: equals)...]).trimmingSpaces
            guard let key = Key(rawValue: name) else { throw fail(unknownKey(name), knownKeysFix(name)) }
            guard !seen.contains(key) else { throw fail("\(key.rawValue) is given twice", "keep one line for it") }
            seen.insert(key)
            switch key {
            case .retentionDays:
                guard let n = days(value) else {
                    throw fail("retention-days is not a number of days", "give a whole number from 1 to 36500, such as 90")
                }
                guard retentionRange.contains(n) else {
                    throw fail("retention-days = \(n) is out of range", "give a whole number from 1 to 36500, such as 90")
                }
                result.retentionDays = n
            case .idleLockMinutes:
                guard let n = Int(value.hasSuffix("m") ? String(value.dropLast()) : value) else {
                    throw fail("idle-lock-minutes is not a number of minutes", "give a whole number from 1 to 480, such as 10")
                }
                guard idleLockRange.contains(n) else {
                    throw fail("idle-lock-minutes = \(n) is out of range", "give a whole number from 1 to 480, such as 10")
                }
                result.idleLockMinutes = n
            case .storeEncryption:
                switch value.lowercased() {
                case "on", "yes", "true": result.storeEncryption = true
                case "off", "no", "false": result.storeEncryption = false
                default: throw fail("store-encryption is neither on nor off", "write `store-encryption = on` or `store-encryption = off`")
                }
            case .briefLineMode:
                switch value.lowercased() {
                case "on", "yes", "true": result.briefLineMode = true
                case "off", "no", "false": result.briefLineMode = false
                default: throw fail("brief-line-mode is neither on nor off", "write `brief-line-mode = on` or `brief-line-mode = off`")
                }
            }
        }
        return result
    }

    /// "90" or "90d", as `sessions purge --older-than` takes it.
    static func days(_ text: String) -> Int? {
        Int(text.hasSuffix("d") ? String(text.dropLast()) : text)
    }

    /// The key is named only when it looks like a key (letters and hyphens): anything else may
    /// be a pasted line of something private.
    static func unknownKey(_ name: String) -> String {
        let plain = !name.isEmpty && name.utf8.count <= 40 && name.utf8.allSatisfy { (0x61...0x7A).contains($0 | 0x20) || $0 == 0x2D }
        return plain ? "unknown key \(name)" : "unknown key (not shown)"
    }

    static func knownKeysFix(_ name: String) -> String {
        let known = Key.allCases.map(\.rawValue)
        if let near = known.min(by: { AssessmentShape.distance($0, name) < AssessmentShape.distance($1, name) }),
            AssessmentShape.distance(near, name) <= 3
        {
            return "did you mean \(near)? The keys are " + known.joined(separator: ", ")
        }
        return "the keys are " + known.joined(separator: ", ")
    }
}
