#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What one participant decided on one case: the file they hand in after a workshop case.
/// Described by Data/training-response.schema.json; read by the facilitator's report.
public struct TrainingResponse: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1
    public static let idPrefix = "resp"
    /// An alias longer than this is not a workshop alias.
    public static let maximumAliasLength = 40
    public static let maximumBytes = 1024 * 1024
    /// The longest time a response may say a case took (31 days, as the schema states): a run
    /// can be saved and resumed, but a larger figure is damage, and refusing it at load keeps
    /// every sum and rounding of times in the report far from `Int`'s limits.
    public static let maximumSecondsTaken = 31 * 24 * 3_600

    public var schemaVersion: Int = TrainingResponse.currentSchemaVersion
    /// Always true: a response is training data, never a real assessment.
    public var training: Bool = true
    /// Random (`RandomID`), never from the clock: two machines never collide.
    public var id: String
    /// The participant's workshop alias, never a real name.
    public var alias: String
    public var pack: PackReference
    public var caseID: String
    /// Row id → rating; rows the participant left unassessed are absent.
    public var ratings: [String: Rating]
    public var decision: Decision
    public var secondsTaken: Int
    /// When the decision was recorded (ISO 8601 with its offset); of two answers from one
    /// participant to one case, the later instant counts (`recordedTime`).
    public var recordedAt: String

    /// `recordedAt` as an instant; `read` refuses a response where this is nil.
    public var recordedTime: RecordedTime? { RecordedTime(recordedAt) }

    public struct PackReference: Codable, Sendable, Equatable {
        public var id: String
        public var version: String
        public init(id: String, version: String) {
            self.id = id
            self.version = version
        }
    }

    public struct Decision: Codable, Sendable, Equatable {
        public var level: Int
        public var step: Int
        public var reason: String
        public init(level: Int, step: Int, reason: String) {
            self.level = level
            self.step = step
            self.reason = reason
        }
    }

    public init(
        id: String, alias: String, pack: PackReference, caseID: String, ratings: [String: Rating], decision: Decision,
        secondsTaken: Int, recordedAt: String
    ) {
        self.id = id
        self.alias = alias
        self.pack = pack
        self.caseID = caseID
        self.ratings = ratings
        self.decision = decision
        self.secondsTaken = secondsTaken
        self.recordedAt = recordedAt
    }

    /// A new response with a fresh random id.
    public static func make(
        alias: String, pack: TrainingPack, caseID: String, ratings: [String: Rating], decision: Decision, secondsTaken: Int,
        recordedAt: String
    ) -> TrainingResponse {
        TrainingResponse(
            id: RandomID.make(prefix: idPrefix), alias: alias, pack: PackReference(id: pack.id, version: pack.version), caseID: caseID,
            ratings: ratings, decision: decision, secondsTaken: secondsTaken, recordedAt: recordedAt)
    }

    /// The file name: marked TRAINING, and unique because the id is random.
    public var fileName: String { "TRAINING-response-\(id).json" }

    /// Pretty, sorted JSON with a final newline.
    public func encoded() throws -> [UInt8] {
        Array(try JSONEncoder.stable.encode(self)) + [0x0A]
    }

    /// The participant's ratings as levels (nil for not applicable / not assessed).
    public func level(of row: String) -> Int? { ratings[row]?.level }
}

/// Why a response file was not counted; the report lists these and counts the rest.
public enum TrainingResponseProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not JSON, not a response, or inconsistent: the file is damaged.
    case damaged(String)
    /// Written for another pack or another version of it: refused, never mixed in.
    case otherPack(String)

    public var description: String {
        switch self {
        case .damaged(let m), .otherPack(let m): m
        }
    }
}

extension TrainingResponse {
    /// Decodes and checks one response against the pack the report is for.
    /// A UTF-8 byte-order mark (which some editors add) is skipped; JSON does not need it.
    public static func read(_ data: Data, pack: TrainingPack, catalogue: Catalogue) -> Result<TrainingResponse, TrainingResponseProblem> {
        return read(data, pack: pack, rows: Set(catalogue.allIndicators.map(\.indicator.id)), catalogue: catalogue)
    }

    /// As `read`, with the catalogue's row ids worked out once for a whole room of files.
    static func read(_ raw: Data, pack: TrainingPack, rows known: Set<String>, catalogue: Catalogue) -> Result<
        TrainingResponse, TrainingResponseProblem
    > {
        if raw.count > maximumBytes { return .failure(.damaged("larger than \(maximumBytes) bytes, so not a response file")) }
        let data = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(raw.dropFirst(3)) : raw
        let tree: JSONTree
        do throws(JSONSyntax.Failure) {
            tree = try JSONSyntax.parse(data)
        } catch {
            if let d = error.duplicate { return .failure(.damaged(d.problem.description)) }
            return .failure(.damaged("malformed JSON at line \(error.line), column \(error.column)"))
        }
        let r: TrainingResponse
        if let fast = TrainingResponse(tree: tree) {
            r = fast
        } else {
            do {
                r = try JSONDecoder().decode(TrainingResponse.self, from: data)
            } catch let error as DecodingError {
                let p = DecodingProblem.problem(for: error)
                return .failure(.damaged("not a response file (\(p.path.isEmpty ? "" : p.path + ": ")\(p.message))"))
            } catch {
                return .failure(.damaged("not a response file"))
            }
        }
        if r.schemaVersion != currentSchemaVersion { return .failure(.damaged("unsupported schema version \(r.schemaVersion)")) }
        if !r.training { return .failure(.damaged("not marked as training, so not a response file")) }
        if r.pack.id != pack.id || r.pack.version != pack.version {
            return .failure(
                .otherPack(
                    "written for pack \(ExportText.line(r.pack.id)) version \(ExportText.line(r.pack.version)), but this report is for "
                        + "\(pack.id) version \(pack.version): not counted; report it with that pack"))
        }
        let alias = r.alias.trimmed
        if alias.isEmpty || alias.count > maximumAliasLength || SafeText.firstUnsafe(in: alias) != nil {
            return .failure(.damaged("the alias is empty, too long or holds control characters"))
        }
        guard pack.trainingCase(r.caseID) != nil else {
            return .failure(.damaged("case \"\(ExportText.line(r.caseID))\" is not in the pack"))
        }
        if let unknown = r.ratings.keys.sorted().first(where: { !known.contains($0) }) {
            return .failure(.damaged("rates row \"\(ExportText.line(unknown))\", which the catalogue does not have"))
        }
        if catalogue.step(r.decision.step)?.level != r.decision.level || !(1...4).contains(r.decision.level) {
            return .failure(
                .damaged("the decision (Level \(r.decision.level), step \(r.decision.step)) is not a level and step of the staircase"))
        }
        if !(0...maximumSecondsTaken).contains(r.secondsTaken) {
            return .failure(.damaged("secondsTaken \(r.secondsTaken) is outside 0 to \(maximumSecondsTaken) (31 days)"))
        }
        if r.recordedTime == nil {
            return .failure(
                .damaged(
                    "recordedAt \"\(ExportText.line(r.recordedAt))\" is not a date and time with its offset, such as 2026-11-26T10:40:00+01:00"
                ))
        }
        if !isResponseID(r.id) {
            return .failure(.damaged("the id \"\(ExportText.line(r.id))\" is not a response id (resp- and 20 letters or digits)"))
        }
        return .success(r)
    }
}

extension TrainingResponse {
    /// The schema's id shape: `resp-` and 20 characters of Crockford's base 32 (lower case).
    static func isResponseID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        let prefix = Array((idPrefix + "-").utf8)
        guard bytes.count == prefix.count + 20, bytes.starts(with: prefix) else { return false }
        return bytes[prefix.count...].allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A && b != 0x69 && b != 0x6C && b != 0x6F && b != 0x75)
        }
    }
}
