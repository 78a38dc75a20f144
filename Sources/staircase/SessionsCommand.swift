import ArgumentParser
import StaircaseCore
import StaircaseStore

/// `staircase sessions list|delete`: the saved assessments, by id and initials only.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, delete or purge saved assessments, encrypt the store or change its passphrase, or show one child's history.",
        subcommands: [List.self, Delete.self, History.self, Encrypt.self, Passphrase.self, Recover.self, Reseal.self, Purge.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List saved assessments, newest first: id, initials, last change, progress, level (decided, else proposed).")

        @OptionGroup var source: CatalogueOptions
        @OptionGroup var location: StoreOptions
        @OptionGroup var encryption: StoreEncryptionOptions

        func run() throws {
            try runReporting {
                let sessions = try openStore(location.store, unencrypted: encryption.storeUnencrypted)
                // Progress needs the catalogue, but a list without it is still worth showing.
                let engine: ScoringEngine?
                do {
                    engine = ScoringEngine(catalogue: try source.load())
                } catch {
                    engine = nil
                    FileHandleOutput.standardError("note: the catalogue did not load, so progress and proposed levels are not shown")
                }
                let rows: [SessionSummary]
                do throws(StoreError) {
                    rows = try sessions.listing(engine: engine)
                } catch {
                    throw Failure.io(error.description)
                }
                if rows.isEmpty {
                    FileHandleOutput.say("No saved assessments in \(SafeText.clean(sessions.directory)).")
                    return
                }
                try FileHandleOutput.deliver("Saved assessments in \(SafeText.clean(sessions.directory)):\n" + SessionsTable.render(rows))
            }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete one saved assessment by its id.")

        @Argument(help: "The id shown by `staircase sessions list`, or the saved file's path.")
        var id: String
        @OptionGroup var location: StoreOptions
        @OptionGroup var encryption: StoreEncryptionOptions

        func run() throws {
            try runReporting {
                let sessions = try openStore(location.store, unencrypted: encryption.storeUnencrypted)
                // A path to a file in the store names its id; a path elsewhere is not ours to delete.
                var id = self.id
                if id.hasSuffix(".json"), id.contains("/") {
                    let name = String(id.split(separator: "/").last ?? "")
                    guard (try? sessions.path(for: String(name.dropLast(5)))) != nil,
                        id.hasPrefix(sessions.directory + "/") || !id.hasPrefix("/")
                    else {
                        throw Failure.usage(
                            "\(SafeText.clean(id)) is not in \(SafeText.clean(sessions.directory)); give an id from `staircase sessions list`"
                        )
                    }
                    id = String(name.dropLast(5))
                }
                do throws(StoreError) {
                    try sessions.delete(id: id)
                } catch {
                    throw Failure(error)
                }
                FileHandleOutput.say("deleted \(id)")
            }
        }
    }
}

extension Failure {
    /// sysexits for the store: 64 a bad id, 65 a damaged file, 66 no such session, 74 the rest.
    init(_ error: StoreError) {
        switch error {
        case .invalidID: self = .usage(error.description)
        case .damaged: self = .data(error.description)
        case .notFound: self = .missingInput(error.description)
        default: self = .io(error.description)
        }
    }
}

/// The `sessions list` table, padded by display width so initials in any script line up.
enum SessionsTable {
    static func render(_ rows: [SessionSummary]) -> String {
        let header = ["ID", "CHILD", "LAST CHANGE", "PROGRESS", "LEVEL", "NOTE"]
        let body = rows.map { s -> [String] in
            if let damaged = s.damaged {
                return [s.id, "-", "-", "-", "-", "damaged: " + damaged]
            }
            return [
                s.id, s.initials.isEmpty ? "-" : s.initials, s.lastChangeText, s.progress.description, s.levelColumn, s.noteColumn,
            ]
        }.map { $0.map { isPlainASCII($0) ? $0 : SafeText.clean($0) } }
        // The NOTE column only when a row has a note, so a usual list fits 80 columns.
        var table = [header] + body
        if body.allSatisfy({ $0[5].isEmpty }) { table = table.map { Array($0.prefix(5)) } }
        let widths = table[0].indices.map { c in table.map { width($0[c]) }.max() ?? 0 }
        var out = ""
        for row in table {
            var line = ""
            for (c, cell) in row.enumerated() {
                line += cell
                if c < row.count - 1 { line += String(repeating: " ", count: widths[c] - width(cell) + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// Printable ASCII needs no cleaning and is one column a byte: the fast path for a list of
    /// 10,000 rows (the grapheme-by-grapheme width took most of its time).
    static func isPlainASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }

    static func width(_ text: String) -> Int { isPlainASCII(text) ? text.utf8.count : DisplayWidth.of(text) }
}
