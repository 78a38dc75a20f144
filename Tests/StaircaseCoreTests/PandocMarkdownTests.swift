import Foundation
import Testing

@testable import StaircaseCore

/// The Markdown summary read by pandoc's default Markdown reader (`pandoc summary.md -o x.docx`)
/// keeps what a practitioner typed as text: no superscript, list, definition list, fenced div or
/// citation made from a note. Skipped only when pandoc is absent outside CI; under CI=true
/// (`.ci/run` installs it) it always runs.
@Suite struct PandocMarkdownTests {
    static let pandoc = ["/usr/bin/pandoc", "/usr/local/bin/pandoc"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let mustRun = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Lines each of which pandoc's reader would otherwise turn into structure or lose.
    static let hostile = [
        "2^10^ is H~2~O", "a) first", "b) second", "Term", ": definition", "::: warning", "kept inside the div", ":::",
        "(1) one", "(@) example", "iv. four", "i) small roman", "IV. capital roman", "K.  two spaces", "k. lower", "#. hash",
        "see @smith2020 and [@doe]", "2--3 pm",
        "~ tilde definition", "^[an inline note]", "[words]{.smallcaps}", "$x$ and \\(y\\)", "| a | b |", "+---+---+",
        "---", "Line with a trailing backslash \\",
    ]

    /// Each hostile line in every place user text goes: a quoted note (one paragraph, and one
    /// paragraph per line), a plain paragraph, a field and a bullet.
    static func document() -> String {
        MarkdownRenderer.render([
            .title("Summary"),
            .userText(label: "Evidence", text: hostile.joined(separator: "\n")),
            .userText(label: "Notes", text: hostile.joined(separator: "\n\n")),
            .paragraph(hostile.joined(separator: "\n")),
            .fields(hostile.map { .init("Field", $0) }),
            .bullets(hostile),
        ])
    }

    static func pandoc(_ markdown: String, to format: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(pandoc, "pandoc is not installed: apt-get install pandoc"))
        process.arguments = ["-f", "markdown", "-t", format, "--wrap=none"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: pandoc != nil || mustRun, "pandoc is not installed (apt-get install pandoc); CI=true runs this test regardless"))
    func hostileNotesComeOutOfPandocLiterally() throws {
        let plain = try Self.pandoc(Self.document(), to: "plain")
        // Markdown makes a run of spaces one space; only that may differ.
        func words(_ s: some StringProtocol) -> String { s.split(separator: " ").joined(separator: " ") }
        let lines = plain.split(separator: "\n").map(words)
        for line in Self.hostile {
            let text = words(line)
            #expect(lines.filter { $0.hasSuffix(text) }.count >= 4, "pandoc changed the note line \(line)")
        }
    }

    @Test(.enabled(if: pandoc != nil || mustRun, "pandoc is not installed (apt-get install pandoc); CI=true runs this test regardless"))
    func userTextMakesNoPandocStructure() throws {
        let json = try Self.pandoc(Self.document(), to: "json")
        for kind in [
            "OrderedList", "DefinitionList", "Div", "Superscript", "Subscript", "Strikeout", "Cite", "Math", "RawInline", "RawBlock",
            "Note", "Span", "Table", "LineBlock", "HorizontalRule", "SmallCaps", "Link",
        ] {
            // A Bool, not the JSON, so a failure names the kind without printing the whole document.
            let made = json.contains("\"t\":\"\(kind)\"")
            #expect(!made, "pandoc made a \(kind) from user text")
        }
    }

    /// The chronology's table, with hostile text in every cell, stays one table of two rows in
    /// pandoc: no typed `|` splits a cell, no line starts a block, each cell's words survive.
    @Test(.enabled(if: pandoc != nil || mustRun, "pandoc is not installed (apt-get install pandoc); CI=true runs this test regardless"))
    func hostileCellsStayInTheirTableCells() throws {
        let hostile = ["a | b | c", "- item", "2^10^ H~2~O", "@smith2020 and [@doe]", "**not bold** <b>x</b>", "x@y.example|z"]
        let table = SummaryBlock.Table(
            headers: ["Date", "What happened", "Source", "Rows"],
            rows: [[hostile[0], hostile[1], hostile[2], hostile[3]], [hostile[4], hostile[5], "", "--"]])
        let html = try Self.pandoc(MarkdownRenderer.render([.table(table)]), to: "html")
        #expect(html.components(separatedBy: "<table").count == 2, "\(html)")
        #expect(html.components(separatedBy: "<tr").count == 4, "a header and two rows: \(html)")
        #expect(html.components(separatedBy: "<td").count == 9, "four cells a row: \(html)")
        #expect(!html.contains("<strong>") && !html.contains("<sup>") && !html.contains("<b>") && !html.contains("<ul>"), "\(html)")
        for text in ["a | b | c", "2^10^ H~2~O", "@smith2020", "**not bold** &lt;b&gt;x&lt;/b&gt;"] {
            #expect(html.contains(text), "\(text) as typed: \(html)")
        }
    }
}
