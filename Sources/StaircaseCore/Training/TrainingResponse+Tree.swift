extension TrainingResponse {
    /// The response from the tree `JSONSyntax` already parsed, when every field is plainly what
    /// the schema says (integers written as integers, ratings as their strings); nil sends the
    /// reader to `JSONDecoder`, whose verdict and message then stand. A room of 60,000 files is
    /// parsed once instead of twice (issue 26). Of a key written twice, the last counts.
    init?(tree: JSONTree) {
        guard case .object(let o) = tree, case .integer(let schemaVersion)? = o["schemaVersion"],
            case .bool(let training)? = o["training"], case .string(let id)? = o["id"], case .string(let alias)? = o["alias"],
            case .object(let pack)? = o["pack"], case .string(let packID)? = pack["id"], case .string(let version)? = pack["version"],
            case .string(let caseID)? = o["caseID"], case .object(let rated)? = o["ratings"], case .object(let d)? = o["decision"],
            case .integer(let level)? = d["level"], case .integer(let step)? = d["step"], case .string(let reason)? = d["reason"],
            case .integer(let seconds)? = o["secondsTaken"], case .string(let recordedAt)? = o["recordedAt"]
        else { return nil }
        var ratings: [String: Rating] = [:]
        for (row, value) in rated {
            guard case .string(let text) = value, let rating = Rating(rawValue: text) else { return nil }
            ratings[row] = rating
        }
        self.init(
            id: id, alias: alias, pack: PackReference(id: packID, version: version), caseID: caseID, ratings: ratings,
            decision: Decision(level: level, step: step, reason: reason), secondsTaken: seconds, recordedAt: recordedAt)
        self.schemaVersion = schemaVersion
        self.training = training
    }
}
