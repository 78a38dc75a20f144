extension TrainingReport {
    /// One response file that was read, with the name it came from.
    struct ReadResponse {
        var file: String
        var response: TrainingResponse
        var time: RecordedTime
    }

    /// What `merge` kept: one response per participant per case, and what it says it merged.
    struct Merged {
        var counted: [TrainingResponse]
        /// Participant key → shown alias, from the counted responses only.
        var aliases: [String: String]
        var copies: [Copy]
        /// (participant key, case id, responses sent, the kept one's recordedAt).
        var resent: [(key: String, caseID: String, responses: Int, kept: String)]
    }

    /// Participants are the same person whatever the case or spacing of their alias.
    static func participantKey(_ alias: String) -> String { alias.trimmed.lowercased() }

    /// Two steps, each saying what it merged:
    /// 1. Files holding the same response `id` are one response (a copy, or a copy whose alias
    ///    was edited by hand): counted once, the later instant winning, so an edited alias never
    ///    becomes another participant.
    /// 2. Of a participant's different responses to one case, the one recorded latest counts
    ///    (compared as instants, offsets included).
    static func merge(_ read: [ReadResponse]) -> Merged {
        func later(_ a: ReadResponse, than b: ReadResponse) -> Bool {
            a.time != b.time ? a.time > b.time : (a.response.id, a.file) > (b.response.id, b.file)
        }
        var byID: [String: [ReadResponse]] = [:]
        for r in read { byID[r.response.id, default: []].append(r) }
        // Which response ids each participant sent: the owner of a response whose copies name
        // different aliases is the one who is a participant elsewhere in the room.
        var idsOf: [String: Set<String>] = [:]
        for r in read { idsOf[participantKey(r.response.alias), default: []].insert(r.response.id) }
        var unique: [ReadResponse] = []
        var copies: [Copy] = []
        for (id, group) in byID {
            guard var kept = group.first else { continue }
            for r in group.dropFirst() where later(r, than: kept) { kept = r }
            // An edited alias never becomes another participant, whatever the files are called:
            // when the copies name different people, the response stays with the one who sent
            // other responses in the room (else the latest copy's alias, as its content).
            if Set(group.map { participantKey($0.response.alias) }).count > 1,
                let owner = group.filter({ (idsOf[participantKey($0.response.alias)] ?? []).count > 1 }).max(by: { later($1, than: $0) })
            {
                kept.response.alias = owner.response.alias
            }
            unique.append(kept)
            guard group.count > 1 else { continue }
            let aliases = Set(group.map { ExportText.line($0.response.alias.trimmed) }).sorted()
            copies.append(
                Copy(
                    responseID: ExportText.line(id), files: group.map { ExportText.line($0.file) }.sorted(),
                    identical: group.allSatisfy { $0.response == kept.response }, aliases: aliases,
                    keptAlias: ExportText.line(kept.response.alias.trimmed)))
        }
        copies.sort { $0.responseID < $1.responseID }

        var latest: [String: ReadResponse] = [:]
        var sent: [String: Int] = [:]
        for r in unique {
            let k = participantKey(r.response.alias) + "\u{0}" + r.response.caseID
            sent[k, default: 0] += 1
            if let kept = latest[k], !later(r, than: kept) { continue }
            latest[k] = r
        }
        var resent: [(key: String, caseID: String, responses: Int, kept: String)] = []
        for (k, n) in sent where n > 1 {
            guard let r = latest[k] else { continue }
            resent.append((participantKey(r.response.alias), r.response.caseID, n, ExportText.timestamp(r.response.recordedAt)))
        }
        var aliases: [String: String] = [:]
        let counted = latest.values.map(\.response).sorted { ($0.alias, $0.id) < ($1.alias, $1.id) }
        for r in counted where aliases[participantKey(r.alias)] == nil { aliases[participantKey(r.alias)] = ExportText.line(r.alias) }
        return Merged(counted: counted, aliases: aliases, copies: copies, resent: resent)
    }
}
