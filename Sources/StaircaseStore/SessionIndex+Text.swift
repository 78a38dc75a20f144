/// The index's text form: a header line, then one line of 19 tab-separated fields per file.
extension SessionIndex {
    func encoded() -> [UInt8] {
        var out = "\(Self.header) \(stamp.seconds) \(stamp.nanoseconds)\n"
        // In list order (newest first, then damaged files by name), so a list needs no sort.
        for e in Self.ordered(Array(entries.values)) {
            let s = e.summary
            var progress = (-1, -1)
            if case .rows(let a, let b) = s.progress { progress = (a, b) }
            func number(_ n: Int?) -> String { n.map(String.init) ?? "" }
            var fields: [String] = [s.file, s.id, s.initials, s.lastChange, String(e.answered), String(progress.0), String(progress.1)]
            fields += [number(s.proposedLevel), number(s.proposedStep), s.training ? "1" : "0"]
            fields += [e.catalogueID, e.catalogueVersion, e.scored ? "1" : "0", s.damaged ?? ""]
            fields += [number(s.decidedLevel), number(s.decidedStep), e.childKey, e.sealed ? "1" : "0", s.decisionOutOfDate ? "1" : "0"]
            out += fields.map(Self.field).joined(separator: "\t") + "\n"
        }
        return Array(out.utf8)
    }

    /// Tabs and line breaks cannot occur inside a field.
    static func field(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }

    /// Newest first, then damaged files by name: the order of the resume list and `sessions list`.
    static func ordered(_ entries: [Entry]) -> [Entry] {
        var good: [Entry] = []
        var damaged: [Entry] = []
        for e in entries {
            if e.summary.damaged == nil { good.append(e) } else { damaged.append(e) }
        }
        good.sort { a, b in
            a.summary.lastChange != b.summary.lastChange ? a.summary.lastChange > b.summary.lastChange : a.summary.id < b.summary.id
        }
        damaged.sort { $0.summary.file < $1.summary.file }
        return good + damaged
    }

    /// Parses the text form; nil for anything not exactly what `encoded` writes.
    static func decode(_ bytes: [UInt8]) -> SessionIndex? {
        guard let (stamp, list) = decodeList(bytes) else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(list.count)
        for e in list { entries[e.summary.file] = e }
        return SessionIndex(stamp: stamp, entries: entries)
    }

    /// The stamp and the entries in file order (list order), read field by field from the bytes:
    /// this is what start-up waits for, so it makes no intermediate arrays of strings.
    static func decodeList(_ bytes: [UInt8]) -> (Stamp, [Entry])? {
        bytes.withUnsafeBufferPointer { buf -> (Stamp, [Entry])? in
            var i = 0
            let n = buf.count
            func field() -> Range<Int>? {
                guard i <= n else { return nil }
                let start = i
                while i < n && buf[i] != 0x09 && buf[i] != 0x0A { i += 1 }
                return start..<i
            }
            func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self) }
            func flag(_ r: Range<Int>) -> Bool { r.count == 1 && buf[r.lowerBound] == 0x31 }
            func int(_ r: Range<Int>) -> Int? {
                guard !r.isEmpty else { return nil }
                var v = 0
                var negative = false
                for k in r {
                    let c = buf[k]
                    if c == 0x2D && k == r.lowerBound { negative = true; continue }
                    guard c >= 0x30 && c <= 0x39, v < Int.max / 10 - 10 else { return nil }
                    v = v * 10 + Int(c - 0x30)
                }
                return negative ? -v : v
            }
            // Header: "staircase-index 4 SECONDS NANOSECONDS\n" (an older version is rebuilt).
            while i < n && buf[i] != 0x0A { i += 1 }
            guard i < n else { return nil }
            let head = text(0..<i).split(separator: " ")
            guard head.count == 4, head[0] == "staircase-index", head[1] == "4", let sec = Int(head[2]), let nsec = Int(head[3]) else {
                return nil
            }
            i += 1
            var entries: [Entry] = []
            while i < n {
                var f: [Range<Int>] = []
                f.reserveCapacity(19)
                while true {
                    guard let r = field() else { return nil }
                    f.append(r)
                    if i >= n || buf[i] == 0x0A { break }
                    i += 1
                }
                i += 1
                guard f.count == 19, let answered = int(f[4]), let assessed = int(f[5]), let applicable = int(f[6]) else { return nil }
                let file = text(f[0])
                guard file.hasSuffix(".json"), SessionStore.isValid(id: String(file.dropLast(5))) else { return nil }
                let damaged = f[13].isEmpty ? nil : text(f[13])
                var progress: SessionSummary.Progress =
                    assessed >= 0 ? .rows(assessed: assessed, applicable: applicable) : .answered(answered)
                if damaged != nil { progress = .unknown }
                var summary = SessionSummary(
                    id: text(f[1]), file: file, initials: text(f[2]), lastChange: text(f[3]), progress: progress,
                    proposedLevel: int(f[7]), proposedStep: int(f[8]), training: flag(f[9]),
                    damaged: damaged)
                summary.decidedLevel = int(f[14])
                summary.decidedStep = int(f[15])
                summary.decisionOutOfDate = flag(f[18])
                entries.append(
                    Entry(
                        summary: summary, answered: answered, catalogueID: text(f[10]), catalogueVersion: text(f[11]),
                        scored: flag(f[12]), childKey: text(f[16]), sealed: flag(f[17])))
            }
            return (Stamp(seconds: sec, nanoseconds: nsec), entries)
        }
    }
}
