import Testing

@testable import StaircaseCore

/// Handouts: the narrative never gives the answer away; the answer sheet carries all of it.
@Suite struct TrainingHandoutTests {
    @Test func narrativeHidesTheModelAnswerAndTheSheetShowsIt() throws {
        let c = try Fixtures.durham()
        let pack = try EmbeddedTrainingPack.load(catalogue: c)
        for k in pack.cases {
            for format in TrainingHandout.Format.allCases {
                let narrative = TrainingHandout.render(pack: pack, case: k, catalogue: c, answers: false, format: format)
                let sheet = TrainingHandout.render(pack: pack, case: k, catalogue: c, answers: true, format: format)
                #expect(narrative.contains("TRAINING CASE"))
                #expect(!narrative.contains("MODEL ANSWER"), "\(k.id)")
                for point in k.modelAnswer.discussionPoints {
                    #expect(!narrative.contains(String(point.prefix(30))), "\(k.id) gives away a discussion point")
                }
                #expect(sheet.contains("MODEL ANSWER (facilitator only)"))
                #expect(sheet.contains("Level \(k.modelAnswer.level)"))
                if format == .md {
                    #expect(narrative.contains(String(k.narrative.referrer[0].prefix(20))))
                    #expect(sheet.contains("## Discussion points"))
                    #expect(sheet.contains("## Where the authors differ from the engine") == (k.modelAnswer.engineDifference != nil))
                } else {
                    #expect(!narrative.contains("<script") && narrative.contains("Content-Security-Policy"))
                }
            }
        }
    }

    @Test func anUnbornBabysEmptyVoiceIsExplained() throws {
        let c = try Fixtures.durham()
        let pack = try EmbeddedTrainingPack.load(catalogue: c)
        let baby = try #require(pack.cases.first { $0.child.isUnborn })
        let md = TrainingHandout.render(pack: pack, case: baby, catalogue: c, answers: false, format: .md)
        #expect(md.contains("unborn, expected 2027-03-02"))
        #expect(md.contains("The child is not yet born."))
    }
}

/// The page title says TRAINING once, then what the page is: never "TRAINING: Training case: …".
@Suite struct TrainingHandoutTitleTests {
    @Test func theTitleIsNotDoubled() throws {
        let c = try Fixtures.durham()
        let pack = try EmbeddedTrainingPack.load(catalogue: c)
        let k = try #require(pack.cases.first)
        let narrative = TrainingHandout.render(pack: pack, case: k, catalogue: c, answers: false, format: .html)
        let sheet = TrainingHandout.render(pack: pack, case: k, catalogue: c, answers: true, format: .html)
        #expect(narrative.contains("<title>TRAINING case: \(HTMLRenderer.escape(k.title))</title>"))
        #expect(sheet.contains("<title>TRAINING model answer: \(HTMLRenderer.escape(k.title))</title>"))
        for page in [narrative, sheet] {
            let title = page.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first ?? ""
            #expect(title.components(separatedBy: "TRAINING").count - 1 == 1, "TRAINING once: \(title)")
            #expect(!title.lowercased().contains("training case: training"))
            #expect(title.lowercased().components(separatedBy: "training").count - 1 == 1, "\(title)")
        }
    }
}
