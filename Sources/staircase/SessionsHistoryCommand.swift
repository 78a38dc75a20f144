import ArgumentParser
import StaircaseCore
import StaircaseStore

extension SessionsCommand {
    /// `staircase sessions history CHILD`: the child's journey as a text timeline.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one child's assessments over time: the level and step each decided (or proposed), oldest first.")

        @OptionGroup var source: CatalogueOptions
        @Argument(help: "A child key (c-...), or the id of one of the child's saved assessments.")
        var child: String
        @OptionGroup var location: StoreOptions
        @OptionGroup var encryption: StoreEncryptionOptions

        func run() throws {
            try runReporting {
                let sessions = try openStore(location.store, unencrypted: encryption.storeUnencrypted)
                let key: String
                if child.hasPrefix("c-") {
                    guard AssessmentShape.isIdentifier(child) else { throw Failure.usage("\(SafeText.clean(child)) is not a child key") }
                    key = child
                } else {
                    guard SessionStore.isValid(id: child) else {
                        throw Failure.usage(
                            "\(SafeText.clean(child)) is neither a child key (c-…) nor a saved id: see `staircase sessions list`")
                    }
                    let a: Assessment
                    do throws(StoreError) {
                        a = try sessions.load(id: child)
                    } catch {
                        throw Failure(error)
                    }
                    guard let k = a.childKey else {
                        throw Failure.data("\(child) has no child key yet (a version 1 file): open it once in the wizard so it gets one")
                    }
                    key = k
                }
                // The catalogue only adds proposals for undecided assessments; without it, decisions still show.
                let catalogues = (try? source.load()).map { [$0] } ?? []
                let history = ChildHistory.build(
                    childKey: key, assessments: ChildRecords.assessments(childKey: key, in: sessions), catalogues: catalogues)
                if history.entries.isEmpty { throw Failure.missingInput("no saved assessment has child key \(key)") }
                FileHandleOutput.say("Child \(key)")
                FileHandleOutput.say(history.timeline)
            }
        }
    }
}
