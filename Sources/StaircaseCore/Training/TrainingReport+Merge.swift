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
        // Indices into `read` throughout, not copies: a county-wide room has tens of thousands
        // of responses, and copying each through the steps was an eighth of the report's time.
        func later(_ a: Int, than b: Int) -> Bool {
            let x = read[a]
            let y = read[b]
            return x.time != y.time ? x.time > y.time : (x.response.id, x.file) > (y.response.id, y.file)
        }
        let keys = read.map { participantKey($0.response.alias) }
        var byID: [String: [Int]] = [:]
        for (i, r) in read.enumerated() { byID[r.response.id, default: []].append(i) }
        // Which response ids each participant sent: the owner of a response whose copies name
        // different aliases is the one who is a participant elsewhere in the room.
        var idsOf: [String: Set<String>] = [:]
        for (i, r) in read.enumerated() { idsOf[keys[i], default: []].insert(r.response.id) }
        // Each unique response: the copy kept, and the alias it counts under.
        var unique: [(index: Int, alias: String)] = []
        unique.reserveCapacity(byID.count)
        var copies: [Copy] = []
        for (id, group) in byID {
            guard var kept = group.first else { continue }
            for i in group.dropFirst() where later(i, than: kept) { kept = i }
            var alias = read[kept].response.alias
            // An edited alias never becomes another participant, whatever the files are called:
            // when the copies name different people, the response stays with the one who sent
            // other responses in the room (else the latest copy's alias, as its content).
            if group.count > 1, Set(group.map { keys[$0] }).count > 1,
                let owner = group.filter({ (idsOf[keys[$0]] ?? []).count > 1 }).max(by: { later($1, than: $0) })
            {
                alias = read[owner].response.alias
            }
            unique.append((kept, alias))
            guard group.count > 1 else { continue }
            var keptResponse = read[kept].response
            keptResponse.alias = alias
            let aliases = Set(group.map { ExportText.line(read[$0].response.alias.trimmed) }).sorted()
            copies.append(
                Copy(
                    responseID: ExportText.line(id), files: group.map { ExportText.line(read[$0].file) }.sorted(),
                    identical: group.allSatisfy { read[$0].response == keptResponse }, aliases: aliases,
                    keptAlias: ExportText.line(alias.trimmed)))
        }
        copies.sort { $0.responseID < $1.responseID }

        var latest: [String: Int] = [:]  // participant and case → position in `unique`
        var sent: [String: Int] = [:]
        for (u, entry) in unique.enumerated() {
            let k = participantKey(entry.alias) + "\u{0}" + read[entry.index].response.caseID
            sent[k, default: 0] += 1
            if let kept = latest[k], !later(entry.index, than: unique[kept].index) { continue }
            latest[k] = u
        }
        var resent: [(key: String, caseID: String, responses: Int, kept: String)] = []
        for (k, n) in sent where n > 1 {
            guard let u = latest[k] else { continue }
            let r = read[unique[u].index].response
            resent.append((participantKey(unique[u].alias), r.caseID, n, ExportText.timestamp(r.recordedAt)))
        }
        let counted: [TrainingResponse] = latest.values.map { u in
            var r = read[unique[u].index].response
            r.alias = unique[u].alias
            return r
        }
        // A participant is shown by the first of their aliases in (alias, id) order, whatever
        // order the files came in (the report sorts what it counts itself).
        var first: [String: (alias: String, id: String)] = [:]
        for r in counted {
            let k = participantKey(r.alias)
            if let f = first[k], (f.alias, f.id) <= (r.alias, r.id) { continue }
            first[k] = (r.alias, r.id)
        }
        return Merged(counted: counted, aliases: first.mapValues { ExportText.line($0.alias) }, copies: copies, resent: resent)
    }
}
