import ArgumentParser
import StaircaseCore
import StaircaseStore
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
    @Argument(help: "An assessment JSON file, or - for standard input.")
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
    /// The catalogue, and an assessment file checked against it; errors become exit codes
    /// (66 for a missing file, 65 for bad data).
    func loadWithAssessment(_ file: String) throws -> (Catalogue, Assessment) {
        let catalogue = try load()
        let bytes: [UInt8]
        do throws(AssessmentFile.ReadError) {
            bytes = try AssessmentFile.read(file)
        } catch {
            switch error {
            case .tooLarge: throw Failure.data(SafeText.clean(error.description))
            case .unreadable: throw Failure.missingInput(SafeText.clean(error.description))
            }
        }
        let name = file == "-" ? "stdin" : CatalogueLoader.displayName(file)
        do {
            let assessment = try AssessmentLoader.decode(data: Data(bytes), file: name)
            try AssessmentLoader.check(assessment, against: catalogue, file: name)
            return (catalogue, assessment)
        } catch {
            throw error.isUnreadable ? Failure.missingInput(error.description) : Failure.data(error.description)
        }
    }
}

extension AssessmentError {
    var isUnreadable: Bool {
        if case .unreadable = self { return true }
        return false
    }
}
