import StaircaseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SessionStore {
    /// Saved assessments last changed before `cutoff` (`Retention.cutoff`): what a retention
    /// period would delete. Damaged files have no trustworthy date and are never included. With
    /// `exportedOnly`, only those whose full summary has been exported (`Assessment.lastExport`),
    /// read from each file, since the list index does not carry it.
    public func expired(before cutoff: CalendarDate, exportedOnly: Bool = false, engine: ScoringEngine? = nil) -> [SessionSummary] {
        list(engine: engine).filter { s in
            guard s.damaged == nil, Retention.isPast(lastChange: s.lastChange, cutoff: cutoff) else { return false }
            guard exportedOnly else { return true }
            return (try? load(id: s.id))?.lastExport != nil
        }
    }

    /// Deletes every file of one assessment: the saved file, its index entry and lock file
    /// (`delete`), and any recovery copy in `recovery`'s folders. Refused while a wizard has it open.
    public func purge(id: String, recovery: RecoveryStore) throws(StoreError) {
        try delete(id: id)
        for folder in recovery.folders {
            do {
                try SessionStore(directory: folder).delete(id: id)
                if let base = try? SessionStore(directory: folder).basePath(for: id) { unlink(base) }
            } catch {
                if case .notFound = error { continue }
                throw error
            }
        }
    }

    /// Records that the summary of `exported` (as read from this store) was exported, under the
    /// assessment's lock, as the wizard saves. Throws `.openElsewhere` while a wizard has it
    /// open: that window's next save would not know of the record, so nothing is written and the
    /// caller says so. Returns false, writing nothing, when the saved file has changed since it
    /// was read (the export is of a version no longer saved). `updatedAt` is left as it was:
    /// an export is not a change to the assessment, and must not restart its retention period.
    @discardableResult
    public func recordExport(_ record: Assessment.ExportRecord, of exported: Assessment) throws(StoreError) -> Bool {
        let open = OpenAssessments(store: self)
        defer { open.close() }
        var current = try open.open(id: exported.id)
        var before = exported
        before.lastExport = current.lastExport
        guard before == current else { return false }
        current.lastExport = record
        try open.save(current)
        return true
    }
}
