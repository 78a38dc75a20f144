import ArgumentParser
import StaircaseCore
import StaircaseStore

/// `staircase compare OLD NEW`: what changed between two assessments of a child, row by row.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Show what changed between two assessments of the same child, row by row.",
        discussion: """
            Each row is classed as up, down, the same, resolved (now Level 1), newly identified, \
            "no information then" or "not assessed now", and counted per domain; answers carried \
            forward and never confirmed are shown apart. The most important come first: rows now \
            at Level 3 or 4, then rows that moved two levels or more. Assessments made with two \
            versions of one catalogue are compared by row id (give the older one's catalogue with \
            --old-catalogue); assessments made with different catalogues are not compared.
            """)

    @OptionGroup var source: CatalogueOptions
    @Argument(help: "The earlier assessment: a JSON file, a saved id, or - for standard input.")
    var old: String
    @Argument(help: "The later assessment: a JSON file or a saved id.")
    var new: String
    @Option(help: "The catalogue the earlier assessment was made with, when it is another version (default: --catalogue's).")
    var oldCatalogue: String?
    @Option(help: "txt, md, html or json.")
    var format: ExportFormat = .text
    @OptionGroup var destination: OutputOptions
    @OptionGroup var location: StoreOptions

    func validate() throws {
        if old == "-" && new == "-" { throw ValidationError("only one of OLD and NEW can be standard input") }
    }

    func run() throws {
        try runReporting {
            let newCatalogue = try source.load()
            let oldCatalogue = try self.oldCatalogue.map { try CatalogueOptions.load(path: $0) } ?? newCatalogue
            let before = try Self.decode(old, store: location.store)
            let after = try Self.decode(new, store: location.store)
            if before.0.catalogue.id != after.0.catalogue.id {
                throw Failure.data(
                    AssessmentComparison.Failure.otherCatalogue(
                        old: SafeText.clean(before.0.catalogue.id), new: SafeText.clean(after.0.catalogue.id)
                    )
                    .description)
            }
            try Self.check(
                before, against: oldCatalogue, hint: "give the catalogue the earlier assessment was made with: --old-catalogue FILE")
            try Self.check(after, against: newCatalogue, hint: "give the catalogue the later assessment was made with: --catalogue FILE")
            let comparison: AssessmentComparison
            do throws(AssessmentComparison.Failure) {
                comparison = try AssessmentComparison.build(
                    old: before.0, oldCatalogue: oldCatalogue, new: after.0, newCatalogue: newCatalogue)
            } catch {
                throw Failure.data(error.description)
            }
            if before.0.childKey != after.0.childKey {
                FileHandleOutput.standardError("warning: the two assessments have different child keys: they may not be of the same child")
            }
            let text = ComparisonExporter.render(format: format, comparison: comparison)
            try destination.emit(text)
        }
    }

    /// Reads and decodes through the one way in, without the catalogue check, which waits
    /// until the catalogue is known.
    static func decode(_ argument: String, store: String?) throws -> (Assessment, String) {
        try SavedAssessment.open(argument, store: store)
    }

    static func check(_ loaded: (Assessment, String), against c: Catalogue, hint: String) throws {
        do throws(AssessmentError) {
            try AssessmentLoader.check(loaded.0, against: c, file: loaded.1)
        } catch {
            let versionProblem = loaded.0.catalogue.id == c.id && loaded.0.catalogue.version != c.version
            throw Failure.data(error.description + (versionProblem ? "\n(\(hint))" : ""))
        }
    }
}
