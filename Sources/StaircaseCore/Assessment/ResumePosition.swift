/// Where the practitioner left an assessment, so Resume opens there rather than at the start.
/// Optional in the record: files without it (older ones, hand-written ones) open at the details.
public struct ResumePosition: Codable, Sendable, Equatable {
    /// "details", "danger", "domain-1" (the domain's index from 1), "voice", "review", "decision", "export".
    public var screen: String
    /// The selected indicator on a domain screen.
    public var row: String?
    /// The selected field or choice on other screens.
    public var cursor: Int

    public init(screen: String, row: String? = nil, cursor: Int = 0) {
        self.screen = screen
        self.row = row
        self.cursor = cursor
    }
}
