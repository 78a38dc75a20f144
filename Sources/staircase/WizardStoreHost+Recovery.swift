import StaircaseCore
import StaircaseStore

/// Bringing back a recovery copy without writing over a newer save (issue 19, defect 1).
///
/// A read-only window's copy once replaced the store's file at its first change, silently
/// losing what the other window had saved since. A copy now records the store version it was
/// made from; when the store's file is still that version the copy takes its place, as before.
/// When it is not, both are kept: the copy opens as a separate assessment with a new id, and
/// the practitioner is told how many rows differ and how to compare the two.
extension WizardStoreHost {
    func bringBack(_ id: String) throws(StoreError) -> Assessment {
        let (from, copy, base) = try recovery.load(id: id)
        let now = try sessions.version(of: id)
        if base == now {
            try open.adopt(copy)
            recoveredFrom = (from, id)
            notice = "Brought back from a recovery copy; the next change saves it in the store."
            return copy
        }
        // The store changed after the copy was made: neither side is written over.
        var separate = copy
        separate.id = RandomID.make(prefix: "a")
        // Saved at once under its new id, so "Saved" at the end is true and the copy can go.
        try open.save(separate)
        from.deleteRecoveryCopy(id: id)
        let differing = (try? sessions.load(id: id)).map { Self.differingRows(copy, $0) }
        notice =
            "The saved version changed after this copy was made"
            + (differing.map { " (\($0) row\($0 == 1 ? "" : "s") differ)" } ?? "")
            + ": both are kept, this copy saved as \(separate.id) (staircase compare shows the rows)."
        return separate
    }

    /// Rows whose answer (rating or note) is not the same in the two.
    static func differingRows(_ a: Assessment, _ b: Assessment) -> Int {
        Set(a.answers.keys).union(b.answers.keys).filter { key in
            a.answers[key]?.rating != b.answers[key]?.rating || (a.answers[key]?.note ?? "") != (b.answers[key]?.note ?? "")
        }.count
    }

    /// A copy's line on the start screen: plainly a copy, not the saved assessment, with when it
    /// was last changed (the saved assessment's own line, below it, has its time).
    static func copyLabel(_ copy: SessionSummary) -> String {
        "Recovery copy, not in the store: " + copy.displayLine
    }
}
