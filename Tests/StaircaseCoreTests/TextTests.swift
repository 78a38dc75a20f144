import Testing

@testable import StaircaseCore
@testable import StaircaseDevTools

@Suite struct TextTests {
    @Test func displayWidthCountsWideAndCombining() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute
        #expect(DisplayWidth.of("Siân") == 4)
        #expect(DisplayWidth.of("👍") == 2)
        // The fast paths agree with the general rules.
        #expect(DisplayWidth.of("\u{AD}") == 0)  // soft hyphen
        #expect(DisplayWidth.of("é’ß") == 3)
        #expect(DisplayWidth.of("a\u{1B}b") == 2)  // ESC takes no column
        #expect(DisplayWidth.of(Character("\u{7F}")) == 0)
    }

    /// The scalar fast path (Latin and General Punctuation) gives what adding up characters
    /// gives, on random strings of the scalars it takes, joiners, line ends and marks included;
    /// a string with an emoji falls back to characters.
    @Test func displayWidthScalarPathAgreesWithCharacters() {
        var g = SplitMix(seed: 26)
        let pool: [UInt32] = [0x41, 0x7A, 0x20, 0x0A, 0x0D, 0x1B, 0x7F, 0xA0, 0xAD, 0xB7, 0xE2, 0x17C, 0x2FF] + Array(0x2000...0x206F)
        for _ in 0..<2_000 {
            let n = Int(g.next() % 12)
            let text = String(
                String.UnicodeScalarView((0..<n).compactMap { _ in Unicode.Scalar(pool[Int(g.next() % UInt64(pool.count))]) }))
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.unicodeScalars.map(\.value))")
        }
        #expect(DisplayWidth.of("“Bereavement” – recently…") == 25)
        #expect(DisplayWidth.of("a\u{2764}\u{FE0F}") == 3)  // an emoji with its selector: characters
    }

    @Test func wrapsAtSpacesWithinWidth() {
        let lines = TextWrap.lines("The child has a mild physical or mental health condition", width: 20)
        #expect(lines == ["The child has a mild", "physical or mental", "health condition"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    @Test func splitsWordsWiderThanTheLine() {
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.lines("日本語テキスト", width: 5) == ["日本", "語テ", "キス", "ト"])
    }

    @Test func neverBreaksAPhoneNumber() {
        let lines = TextWrap.lines("If your concern needs immediate action, call First Contact 03000 26 79 79 or dial 999.", width: 62)
        #expect(lines == ["If your concern needs immediate action, call First Contact", "03000 26 79 79 or dial 999."])
        #expect(TextWrap.lines("Step 2 of 4", width: 6) == ["Step 2", "of 4"], "digits beside words still break")
    }

    @Test func keepsParagraphBreaks() {
        #expect(TextWrap.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
    }

    @Test func truncatesAndPadsByColumns() {
        #expect(TextWrap.truncate("Level of need", width: 6) == "Level…")
        #expect(TextWrap.pad("日本", width: 6) == "日本  ")
        #expect(DisplayWidth.of(TextWrap.pad("日本語", width: 5)) == 5)
    }

    @Test func safeTextRemovesEscapesAndBidi() {
        let hostile = "a\u{1B}[31mred\u{07}\u{202E}txt.exe\u{9B}1m"
        let clean = SafeText.clean(hostile)
        #expect(!clean.unicodeScalars.contains(where: SafeText.isUnsafe))
        #expect(clean == "a\u{FFFD}[31mred\u{FFFD}\u{FFFD}txt.exe\u{FFFD}1m")
        #expect(SafeText.clean("line\none\ttab") == "line one tab")
        #expect(SafeText.clean("line\none", keepLines: true) == "line\none")
    }
}

/// The generator of the compiled catalogue writes literals that read back as the same text.
@Suite struct SwiftSourceTests {
    @Test func literalsEscapeQuotesBackslashesAndControls() {
        #expect(SwiftSource.literal("say \"hi\"") == #""say \"hi\"""#)
        #expect(SwiftSource.literal(#"a\b"#) == #""a\\b""#)
        #expect(SwiftSource.literal("line\nnext\t\u{1B}[2J") == #""line\nnext\t\u{1b}[2J""#)
        #expect(SwiftSource.literal("child’s — 日本") == "\"child’s — 日本\"")
        #expect(SwiftSource.literal("\u{202E}") == #""\u{202e}""#)
    }

    @Test func valuesBecomeInitialiserExpressions() {
        let cell = Cell.descriptor(text: "x", links: ["a"])
        #expect(SwiftSource.expression(cell) == #".descriptor(text: "x", links: ["a"])"#)
        #expect(SwiftSource.expression(Cell.notApplicable(.stated)) == ".notApplicable(.stated)")
        let tag = Catalogue.Tag(id: "t", meaning: "T")
        #expect(SwiftSource.expression(tag) == #"StaircaseCore.Catalogue.Tag(id: "t", meaning: "T")"#)
        #expect(SwiftSource.expression(Optional<Int>.none as Any) == "nil")
        #expect(SwiftSource.expression([String: Int]()) == "[:]")
    }
}
