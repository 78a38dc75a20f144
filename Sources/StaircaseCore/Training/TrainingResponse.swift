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
    /// When the decision was recorded (ISO 8601); the latest of two from one alias counts.
    public var recordedAt: String

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
    public static func read(_ data: Data, pack: TrainingPack, catalogue: Catalogue) -> Result<TrainingResponse, TrainingResponseProblem> {
        if data.count > maximumBytes { return .failure(.damaged("larger than \(maximumBytes) bytes, so not a response file")) }
        if let syntax = JSONSyntax.firstError(in: data) {
            return .failure(.damaged("malformed JSON at line \(syntax.line), column \(syntax.column)"))
        }
        let r: TrainingResponse
        do {
            r = try JSONDecoder().decode(TrainingResponse.self, from: data)
        } catch let error as DecodingError {
            let p = DecodingProblem.problem(for: error)
            return .failure(.damaged("not a response file (\(p.path.isEmpty ? "" : p.path + ": ")\(p.message))"))
        } catch {
            return .failure(.damaged("not a response file"))
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
        let known = Set(catalogue.allIndicators.map(\.indicator.id))
        if let unknown = r.ratings.keys.sorted().first(where: { !known.contains($0) }) {
            return .failure(.damaged("rates row \"\(ExportText.line(unknown))\", which the catalogue does not have"))
        }
        if catalogue.step(r.decision.step)?.level != r.decision.level || !(1...4).contains(r.decision.level) {
            return .failure(
                .damaged("the decision (Level \(r.decision.level), step \(r.decision.step)) is not a level and step of the staircase"))
        }
        if r.secondsTaken < 0 { return .failure(.damaged("a negative time taken")) }
        return .success(r)
    }
}
