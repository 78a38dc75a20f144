import ArgumentParser
import Foundation
import StaircaseCore

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
            let catalogue = try source.load()
            let assessment: Assessment
            do {
                assessment = try AssessmentLoader.load(path: file, catalogue: catalogue)
            } catch let error as AssessmentError {
                throw error.isUnreadable ? Failure.missingInput(error.description) : Failure.data(error.description)
            }
            let proposal = ScoringEngine(catalogue: catalogue).propose(assessment)
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(proposal), as: UTF8.self))
            case .text:
                print(ProposalText.render(proposal, catalogue: catalogue, width: 80), terminator: "")
            }
        }
    }
}

extension AssessmentError {
    var isUnreadable: Bool {
        if case .unreadable = self { return true }
        return false
    }
}
