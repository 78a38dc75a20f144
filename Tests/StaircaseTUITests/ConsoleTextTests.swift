import Testing

@testable import StaircaseTUI

@Suite("Messages outside curses")
struct ConsoleTextTests {
    @Test("The locale is read by POSIX precedence; none set is the ASCII C locale")
    func localePrecedence() {
        #expect(ConsoleText.localeIsUTF8(["LANG": "en_GB.UTF-8"]))
        #expect(ConsoleText.localeIsUTF8(["LANG": "C.utf8"]))
        #expect(!ConsoleText.localeIsUTF8(["LANG": "C"]))
        #expect(!ConsoleText.localeIsUTF8([:]))
        #expect(!ConsoleText.localeIsUTF8(["LC_ALL": "C", "LANG": "en_GB.UTF-8"]))
        #expect(ConsoleText.localeIsUTF8(["LC_CTYPE": "C.UTF-8", "LANG": "C"]))
        #expect(ConsoleText.localeIsUTF8(["LC_ALL": "", "LANG": "en_GB.UTF-8"]))
        #expect(ConsoleText.localeIsUTF8(["LANG": "de_DE.utf8@euro"]))
        #expect(!ConsoleText.localeIsUTF8(["LANG": "en_GB.ISO-8859-1"]))
        #expect(!ConsoleText.localeIsUTF8(["LANG": "utf"]))
    }

    @Test("Under LANG=C typographic dashes and quotes become ASCII")
    func asciiUnderC() {
        let text = "cannot open “x” — try again…"
        #expect(ConsoleText.fit(text, unicode: false, width: nil) == "cannot open \"x\" - try again...")
        #expect(ConsoleText.fit(text, unicode: true, width: nil) == text)
    }

    @Test("Long lines wrap at words to the width; short lines keep their indentation")
    func wraps() {
        let long = "Saved. Your assessment is in /home/someone/.local/share/staircase/assessments and resumes from the start screen."
        let text = long + "\n    at $.domains[0]\n"
        let out = ConsoleText.fit(text, unicode: true, width: 50)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 3)
        #expect(lines.dropLast().allSatisfy { $0.count <= 50 })
        #expect(lines.contains("    at $.domains[0]"))
        #expect(out.hasSuffix("\n"))
        #expect(out.replacingOccurrences(of: "\n", with: " ").contains("resumes from the start screen."))
    }

    @Test("A path wider than the terminal is never cut: the terminal wraps it, and a copy of it is whole")
    func pathsStayWhole() {
        let path = "/tmp/" + String(repeating: "long-folder-name/", count: 6) + "a-0123456789.json"
        let out = ConsoleText.fit("Your last changes are in the recovery copy \(path) (run staircase)", unicode: true, width: 40)
        #expect(out.split(separator: "\n").contains { $0 == path })
    }
}
