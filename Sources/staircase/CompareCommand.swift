import ArgumentParser
import StaircaseCore
import StaircaseStore

/// `staircase compare OLD NEW`: what changed between two assessments of a child, row by row.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Show what changed between two assessments of the same child, row by row.",
        discussion: """
            Each row is classed as up, down, the same, resolved (now Level 1 or not applicable), \
            newly identified, "no information then", "not assessed now" or "removed from the \
            catalogue", and counted per domain; answers carried forward and never confirmed are \
            shown apart. The most important come first: rows now at Level 4, then Level 3, then \
            rows that moved two levels or more. Assessments made with two versions of one \
            catalogue are compared by row id (give the older one's catalogue with \
            --old-catalogue); assessments made with different catalogues are not compared. Give \
            the earlier assessment first: a newer one first is refused (exit 64), since every \
            change would read backwards. Two assessments with different child keys are refused \
            (exit 65) unless --different-children is given; the output then says so.
            """)

    @OptionGroup var source: CatalogueOptions
    @Argument(help: "The earlier assessment: a JSON file, a saved id, or - for standard input.")
    var old: String
    @Argument(help: "The later assessment: a JSON file or a saved id.")
    var new: String
    @Option(help: "The catalogue the earlier assessment was made with, when it is another version (default: --catalogue's).")
    var oldCatalogue: String?
    @Flag(help: "Compare two assessments with different child keys anyway; the output says they may be of two children.")
    var differentChildren = false
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
            if before.0.childKey != after.0.childKey && !differentChildren {
                throw Failure.data(AssessmentComparison.Failure.differentChildren.description)
            }
            if AssessmentComparison.isNewerFirst(old: before.0, new: after.0) {
                throw Failure.usage(
                    AssessmentComparison.Failure.newerFirst(
                        old: SafeText.clean(before.0.id), oldDay: SafeText.clean(Reassessment.day(of: before.0)),
                        new: SafeText.clean(after.0.id), newDay: SafeText.clean(Reassessment.day(of: after.0))
                    )
                    .description + " (staircase compare \(SafeText.clean(new)) \(SafeText.clean(old)))")
            }
            try Self.check(
                before, against: oldCatalogue, hint: "give the catalogue the earlier assessment was made with: --old-catalogue FILE")
            try Self.check(after, against: newCatalogue, hint: "give the catalogue the later assessment was made with: --catalogue FILE")
            var comparison: AssessmentComparison
            do throws(AssessmentComparison.Failure) {
                comparison = try AssessmentComparison.build(
                    old: before.0, oldCatalogue: oldCatalogue, new: after.0, newCatalogue: newCatalogue)
            } catch {
                throw Failure.data(error.description)
            }
            if before.0.childKey != after.0.childKey {
                // Only with --different-children: the warning goes in the output, where the reader is.
                comparison.differentChildren = true
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
