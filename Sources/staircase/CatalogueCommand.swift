import ArgumentParser
import StaircaseCore

/// `staircase catalogue validate|show`: check a catalogue, or read it as text.
struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Validate or show an indicator catalogue.",
        subcommands: [Validate.self, Show.self],
        defaultSubcommand: Show.self
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a catalogue; print a summary (exit 0) or every problem (exit 65).")

        @Argument(help: "The catalogue file (default: the built-in Durham catalogue).")
        var path: String?

        func run() throws {
            try runReporting {
                // The built-in catalogue is validated again, not taken on trust.
                let c = try CatalogueOptions.load(path: path, validatingBuiltIn: true)
                FileHandleOutput.say(CatalogueText.summary(c))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the catalogue as readable, wrapped text.")

        @OptionGroup var source: CatalogueOptions
        @Option(help: "Only this domain (its id, number 1-3, or part of its name).")
        var domain: String?
        @Option(help: "Only this level's descriptors (1-4).")
        var level: Int?
        @Option(help: "Wrap width in columns.")
        var width: Int = 80

        func run() throws {
            try runReporting {
                if let level, !(1...4).contains(level) { throw Failure.usage("--level must be 1, 2, 3 or 4") }
                guard (40...400).contains(width) else { throw Failure.usage("--width must be between 40 and 400") }
                let c = try source.load()
                var domains = c.domains
                if let domain {
                    domains = CatalogueText.match(domain: domain, in: c)
                    if domains.isEmpty {
                        throw Failure.usage("no domain matches \"\(domain)\"; use one of: " + c.domains.map(\.id).joined(separator: ", "))
                    }
                }
                try FileHandleOutput.deliver(CatalogueText.render(c, domains: domains, level: level, width: width))
            }
        }
    }
}

extension CatalogueOptions {
    init(catalogue: String?) {
        self.init()
        self.catalogue = catalogue
    }
}
