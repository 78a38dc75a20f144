import StaircaseCore
import StaircaseStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `staircase assess --from ID`: the new assessment, made from the earlier one by
/// `Reassessment.start` and saved through the store before the wizard opens it.
extension AssessmentLoader {
    /// The file's bytes, or the exit code for a file that cannot be read.
    static func readOrFail(_ path: String) throws -> Data {
        do throws(AssessmentError) {
            return try read(path: path)
        } catch {
            throw error.isUnreadable ? Failure.missingInput(error.description) : Failure.data(error.description)
        }
    }
}

enum ReassessFrom {
    static func start(from argument: String, catalogue: Catalogue, store: SessionStore, now: String) throws -> Assessment {
        if argument == "-" { throw Failure.usage("--from needs a saved id or a file, not standard input (the wizard reads the keyboard)") }
        let path = try SavedAssessment.path(argument, store: store.directory)
        let name = CatalogueLoader.displayName(path)
        var data = try AssessmentLoader.readOrFail(path)
        if SessionStore.isEncrypted(Array(data)) {
            // An encrypted save, opened in memory with the store already unlocked.
            do throws(StoreError) {
                data = Data(try store.decryptIfNeeded(Array(data), path: name))
            } catch {
                throw Failure(error)
            }
        }
        let previous: Assessment
        do throws(AssessmentError) {
            previous = try AssessmentLoader.decode(data: data, file: name)
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
