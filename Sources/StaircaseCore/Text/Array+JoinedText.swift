extension Array where Element == String {
    /// The strings with `separator` between them, as `joined(separator:)` gives.
    ///
    /// Compiled for this one type: the standard library's `joined(separator:)` is generic and is
    /// not specialised across modules, and its first call in a process had the runtime look up
    /// the element type by name, a scan of every protocol conformance in the binary. The code
    /// that runs before the first frame uses this one (issue 26: start-up).
    public func joinedText(separator: String) -> String {
        guard var text = first else { return "" }
        for part in dropFirst() {
            text += separator
            text += part
        }
        return text
    }
}
