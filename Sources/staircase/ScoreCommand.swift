import ArgumentParser
import StaircaseCore
import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `staircase score FILE`: the engine's proposal for a saved assessment, as text or JSON.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Propose a level and step for an assessment file, with the reasons.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var source: CatalogueOptions
    @Argument(help: "An assessment JSON file, a saved id (see `staircase sessions list`), or - for standard input.")
    var file: String
    @Option(help: "text (default) or json.")
    var format: Format = .text

    func run() throws {
        try runReporting {
            let (catalogue, assessment) = try source.loadWithAssessment(file)
            let proposal = ScoringEngine(catalogue: catalogue).propose(assessment)
            switch format {
            case .json:
                let encoder = JSONEncoder.stable
                try FileHandleOutput.deliver(String(decoding: try encoder.encode(proposal), as: UTF8.self) + "\n")
            case .text:
                try FileHandleOutput.deliver(ProposalText.render(proposal, catalogue: catalogue, width: 80))
            }
        }
    }
}

extension CatalogueOptions {
    /// The catalogue, and an assessment (a path, "-" or a saved id) checked against it, through
    /// the one way in (`SavedAssessment.open`); errors become exit codes (66 missing, 65 bad data).
    func loadWithAssessment(_ file: String, store: String? = nil) throws -> (Catalogue, Assessment) {
        let catalogue = try load()
        let (assessment, name) = try SavedAssessment.open(file, store: store)
        do throws(AssessmentError) {
            try AssessmentLoader.check(assessment, against: catalogue, file: name)
        } catch {
            throw Failure.data(error.description)
        }
        return (catalogue, assessment)
    }
}

extension AssessmentError {
    var isUnreadable: Bool {
        if case .unreadable = self { return true }
        return false
    }
}
