import Testing

@testable import StaircaseCore

/// `TextRenderer.isLink` decides which words are kept whole and put in code spans in every
/// export; its one-pass byte scan must say what the plain definition says.
@Suite struct LinkWordTests {
    /// The definition the scan replaced, kept here as the reference.
    static func reference(_ word: Substring) -> Bool {
        let w = word.lowercased()
        return w.contains("://") || w.hasPrefix("www.") || (w.contains("@") && w.contains("."))
    }

    @Test func namedWordsAreLinksOrNot() {
        for word in ["https://x.example", "WWW.durham.gov.uk", "a@b.c", "ftp://", "x:/", "www", "ww.x", "@.", "sam@home", "é://"] {
            #expect(TextRenderer.isLink(Substring(word)) == Self.reference(Substring(word)), "\(word)")
        }
        #expect(TextRenderer.isLink("Www.x") && !TextRenderer.isLink("wwwx.") && !TextRenderer.isLink(":/ /"))
    }

    @Test func theScanAgreesWithTheDefinitionOnRandomWords() {
        let alphabet = Array("wW.:/@aé-x ")
        var g = TrainingSimulation.Generator(seed: 7)
        for _ in 0..<20_000 {
            let n = Int(g.next() % 9)
            let word = String((0..<n).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] })
            #expect(TextRenderer.isLink(Substring(word)) == Self.reference(Substring(word)), "\(word)")
        }
    }
}
