import StaircaseCore

extension SessionStore {
    /// Saved assessments last changed before `cutoff` ("YYYY-MM-DD"): what a retention period
    /// would delete. Damaged files have no trustworthy date and are never included.
    public func expired(before cutoff: String, engine: ScoringEngine? = nil) -> [SessionSummary] {
        list(engine: engine).filter { $0.damaged == nil && !$0.lastChange.isEmpty && String($0.lastChange.prefix(10)) < cutoff }
    }

    /// Deletes every file of one assessment: the saved file, its index entry and lock file
    /// (`delete`), and any recovery copy in `recovery`'s folders. Refused while a wizard has it open.
    public func purge(id: String, recovery: RecoveryStore) throws(StoreError) {
        try delete(id: id)
        for folder in recovery.folders {
            do {
                try SessionStore(directory: folder).delete(id: id)
            } catch {
                if case .notFound = error { continue }
                throw error
            }
        }
    }
}
