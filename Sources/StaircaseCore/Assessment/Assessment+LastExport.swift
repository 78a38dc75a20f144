/// When the referral summary last left Staircase, so retention can tell an assessment whose
/// summary went out (`sessions purge --exported`) from one whose summary never did.
extension Assessment {
    /// A successful export of the full (not redacted) summary: by the wizard's export screen or
    /// by `staircase export` of a saved assessment. Not a change to the assessment: recording it
    /// leaves `updatedAt`, the retention clock, as it was.
    public struct ExportRecord: Codable, Sendable, Equatable {
        /// When it was written, with the local offset, like every other time in the record.
        public var at: String
        public var format: ExportFormat
        /// Encrypted to age recipients (`export --to age1…`).
        public var encrypted: Bool = false

        public init(at: String, format: ExportFormat, encrypted: Bool = false) {
            self.at = at
            self.format = format
            self.encrypted = encrypted
        }

        enum CodingKeys: String, CodingKey { case at, format, encrypted }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                at: try c.decode(String.self, forKey: .at), format: try c.decode(ExportFormat.self, forKey: .format),
                encrypted: try c.decodeIfPresent(Bool.self, forKey: .encrypted) ?? false)
        }
    }
}
