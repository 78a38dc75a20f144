import StaircaseCore
import StaircaseStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `staircase assess --from ID`: the new assessment, made from the earlier one by
/// `Reassessment.start` and saved through the store before the wizard opens it.
enum ReassessFrom {
    static func start(from argument: String, catalogue: Catalogue, store: SessionStore, now: String) throws -> Assessment {
        if argument == "-" { throw Failure.usage("--from needs a saved id or a file, not standard input (the wizard reads the keyboard)") }
        // The one way in, with the store this run already unlocked.
        let (previous, name) = try SavedAssessment.open(argument, store: store.directory, unlocked: store)
        do throws(AssessmentError) {
            // An earlier version of this catalogue is not refused: its answers carry over by row id.
            if previous.catalogue.id != catalogue.id || previous.catalogue.version == catalogue.version {
                try AssessmentLoader.check(previous, against: catalogue, file: name)
            }
        } catch {
            throw error.isUnreadable ? Failure.missingInput(error.description) : Failure.data(error.description)
        }
        let next: Assessment
        do throws(Reassessment.Failure) {
            next = try Reassessment.start(from: previous, catalogue: catalogue, id: RandomID.make(prefix: "a"), now: now)
        } catch {
            throw Failure.data(error.description)
        }
        do throws(StoreError) {
            try store.save(next)
        } catch {
            throw Failure(error)
        }
        return next
    }
}
