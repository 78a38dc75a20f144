import StaircaseCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SessionStore {
    /// A temporary file older than this is left over from a crash, not a save in progress.
    static let staleTemporaryAge: time_t = 3600

    /// Every saved assessment, newest first, then damaged files by name.
    ///
    /// Never throws: a missing folder is an empty list, and a file that cannot be read or decoded
    /// is listed as damaged rather than hiding the others. With an `engine` whose catalogue
    /// matches the assessment's, progress is rows assessed of rows that apply and the proposed
    /// level is shown; otherwise only the number of answered rows.
    public func list(engine: ScoringEngine? = nil) -> [SessionSummary] {
        (try? listing(engine: engine)) ?? []
    }

    /// As `list`, but says why the folder itself cannot be read (a missing folder is still empty).
    public func listing(engine: ScoringEngine? = nil, now: time_t = time(nil)) throws(StoreError) -> [SessionSummary] {
        let names: [String]
        do {
            names = try POSIX.names(in: directory)
        } catch {
            if error.code == ENOENT { return [] }
            throw .cannotList(path: directory, reason: error)
        }
        var good: [SessionSummary] = []
        var damaged: [SessionSummary] = []
        for name in names {
            if name.hasPrefix(".") {
                if name.hasSuffix(Self.temporarySuffix) { removeIfStale(name, now: now) }
                continue
            }
            guard name.hasSuffix(".json") else { continue }
            let summary = summarise(file: name, engine: engine)
            if summary.damaged == nil { good.append(summary) } else { damaged.append(summary) }
        }
        good.sort { a, b in a.lastChange != b.lastChange ? a.lastChange > b.lastChange : a.id < b.id }
        damaged.sort { $0.file < $1.file }
        return good + damaged
    }

    func summarise(file: String, engine: ScoringEngine?) -> SessionSummary {
        let id = String(file.dropLast(".json".count))
        func broken(_ reason: String) -> SessionSummary {
            SessionSummary(id: id, file: file, initials: "", lastChange: "", progress: .unknown, damaged: reason)
        }
        guard Self.isValid(id: id) else { return broken("the file name is not a valid assessment id") }
        let assessment: Assessment
        do {
            assessment = try load(id: id)
        } catch {
            switch error {
            case .damaged(_, let reason): return broken(reason)
            case .unreadable(_, let reason): return broken("unreadable: \(reason)")
            case .notFound: return broken("removed while listing")
            default: return broken("unreadable")
            }
        }
        var summary = SessionSummary(
            id: id, file: file, initials: SessionSummary.initials(of: assessment.child.name),
            lastChange: assessment.updatedAt,
            progress: .answered(assessment.answers.values.filter { $0.rating != .notAssessed }.count),
            training: assessment.training)
        summary.decidedLevel = assessment.decision?.level
        summary.decidedStep = assessment.decision?.step
        if let engine, engine.catalogue.id == assessment.catalogue.id, engine.catalogue.version == assessment.catalogue.version {
            let proposal = engine.propose(assessment)
            summary.progress = .rows(assessed: proposal.completeness.assessed, applicable: proposal.completeness.applicable)
            summary.proposedLevel = proposal.level
            summary.proposedStep = proposal.step
        }
        return summary
    }

    /// Removes a leftover `.<id>.<random>.tmp` from a crashed save once it is an hour old; a
    /// younger one may belong to a save still running in another process.
    func removeIfStale(_ name: String, now: time_t) {
        let path = Self.join(directory, name)
        guard let st = try? POSIX.status(path), POSIX.isRegular(st) else { return }
        if now - st.st_mtim.tv_sec > Self.staleTemporaryAge { unlink(path) }
    }
}
