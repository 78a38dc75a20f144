import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The details forms: the sequence, list entries added, edited and removed, fields checked as
/// they are saved, and the position a resume returns to.
@Suite struct FormsTests {
    let c: Catalogue
    init() throws { c = try Support.minimal() }
    let t = Support.type

    /// A new assessment on the family form.
    func onFamily() -> WizardState {
        var s = Support.state(c)
        Support.press(&s, [.enter, .pageDown])
        return s
    }

    @Test func everyTextFieldReadsBackWhatWasWrittenAndNoOtherField() {
        var a = Assessment(id: "a", createdAt: "2026-11-20T10:00:00Z", catalogue: .init(id: c.id, version: c.version))
        a.carers = [.init()]
        a.household = [.init()]
        a.agencies = [.init()]
        let items: [FormList: FormItem] = [
            .carers: FormItem(.carers, 0), .household: FormItem(.household, 0), .agencies: FormItem(.agencies, 0),
        ]
        let textFields = DetailField.allCases.filter { FieldSlot.of($0) != nil }
        #expect(textFields.count == 27, "every text field of the five forms has a slot")
        for field in textFields {
            let item = FormList.allCases.lazy.compactMap { items[$0] }.first { Wizard.entryFields($0.list).contains(field) }
            var b = a
            Wizard.setText(field, "written-\(field)", in: &b, item: item)
            #expect(Wizard.value(of: field, in: b, item: item) == "written-\(field)", "\(field)")
            let others = textFields.filter { $0 != field }.filter { Wizard.value(of: $0, in: b, item: item) == "written-\(field)" }
            #expect(others.isEmpty, "\(field) also changed \(others)")
            Wizard.setText(field, "", in: &b, item: item)
            #expect(Wizard.value(of: field, in: b, item: item) == "")
        }
    }

    @Test func pgDnAndPgUpWalkTheFiveFormsThenTheSafetyQuestion() {
        var s = Support.state(c)
        Support.press(&s, [.enter])
        var seen: [FormPage] = [s.formPage]
        for _ in 1..<FormPage.allCases.count {
            Support.press(&s, [.pageDown])
            seen.append(s.formPage)
        }
        #expect(seen == FormPage.allCases)
        Support.press(&s, [.pageDown])
        #expect(s.screen == .danger)
        Support.press(&s, [.escape])
        #expect(s.screen == .details && s.formPage == .consent, "back from the safety question is the last form")
        Support.press(&s, [.pageUp, .escape])
        #expect(s.formPage == .agencies, "PgUp and Esc both go back a form")
        Support.press(&s, [.escape, .escape, .escape])
        #expect(s.screen == .start, "Esc on the first form goes back to the start")
    }

    @Test func enterOnContinueGoesToTheNextForm() {
        var s = Support.state(c)
        Support.press(&s, [.enter] + Array(repeating: .down, count: 20) + [.enter])
        #expect(s.formPage == .family && s.cursor == 0)
    }

    @Test func aCarerIsAddedEditedAndRemoved() throws {
        var s = onFamily()
        #expect(Wizard.formRows(s) == [.add(.carers), .add(.household), .next])
        Support.press(&s, [.enter])
        #expect(s.formItem == FormItem(.carers, 0), "Add opens the new entry's form")
        Support.press(&s, [.enter] + t("Sam Smith") + [.enter, .down, .enter] + t("mother") + [.enter, .down, .right, .escape])
        var a = try #require(s.assessment)
        #expect(a.carers == [Assessment.Carer(name: "Sam Smith", relationship: "mother", parentalResponsibility: .yes)])
        #expect(s.formItem == nil && Wizard.formRows(s)[s.cursor] == .entry(FormItem(.carers, 0)), "Esc goes back to the entry's row")
        // Edit: open it again and change the relationship.
        Support.press(&s, [.enter, .down, .enter, .ctrl("u")] + t("step-mother") + [.enter, .escape])
        a = try #require(s.assessment)
        #expect(a.carers.first?.relationship == "step-mother")
        #expect(ScreenModel(s).choices.first?.label == "Parent or carer 1: Sam Smith, step-mother, parental responsibility: yes")
        // Remove from the list with x; undo brings it back.
        let effects = Support.press(&s, [.char("x")])
        #expect(s.assessment?.carers.isEmpty == true)
        #expect(effects.contains { if case .save(let saved) = $0 { saved.carers.isEmpty } else { false } }, "the removal is saved")
        #expect(s.message?.text.contains("Removed") == true)
        Support.press(&s, [.char("u")])
        #expect(s.assessment?.carers.first?.name == "Sam Smith")
    }

    @Test func xRemovesTheOpenEntryAndNothingWhenNoEntryIsSelected() {
        var s = onFamily()
        Support.press(&s, [.down, .enter, .enter] + t("Lee") + [.enter, .down, .down, .char(" ")])
        #expect(s.assessment?.household.first?.sibling == true)
        #expect(KeyMap.footer(for: s, in: Support.screen).contains("x remove"))
        Support.press(&s, [.char("x")])
        #expect(s.assessment?.household.isEmpty == true && s.formItem == nil)
        Support.press(&s, [.down, .down, .down])
        let before = s.assessment
        #expect(!KeyMap.footer(for: s, in: Support.screen).contains("x remove"), "x is offered only on an entry")
        Support.press(&s, [.char("x")])
        #expect(s.assessment == before)
    }

    @Test func anEntryLeftBlankIsDropped() {
        var s = onFamily()
        Support.press(&s, [.enter, .escape])
        #expect(s.assessment?.carers.isEmpty == true)
        #expect(Wizard.formRows(s)[s.cursor] == .add(.carers))
    }

    @Test func anAgencyAndTheLeadProfessionalAreRecorded() {
        var s = Support.state(c)
        Support.press(&s, [.enter, .pageDown, .pageDown, .char(" "), .down, .enter] + t("Pat Jones") + [.enter, .down, .enter])
        Support.press(&s, [.enter] + t("Riverside Primary") + [.enter, .down, .enter] + t("Ms Khan") + [.enter, .escape])
        #expect(
            s.assessment?.leadProfessional
                == {
                    var l = Assessment.LeadProfessional(); l.tafExists = true; l.name = "Pat Jones"; return l
                }())
        #expect(s.assessment?.agencies == [Assessment.Agency(agency: "Riverside Primary", worker: "Ms Khan")])
    }

    @Test func aMemberDateIsCheckedWhenSavedWithTheReasonBesideIt() {
        var s = onFamily()
        Support.press(&s, [.down, .enter] + Array(repeating: .down, count: 4) + [.enter] + t("2019-02-30") + [.enter])
        #expect(s.editor != nil, "the field stays open to be corrected")
        #expect(s.fieldProblems[.memberDateOfBirth]?.contains("28 days") == true)
        #expect(View.render(s, in: Support.screen).lines.contains { $0.contains("Date of birth") && $0.contains("✗ no such date") })
        Support.press(&s, [.ctrl("u")] + t("2019-02-28") + [.enter])
        #expect(s.assessment?.household.first?.dateOfBirth == "2019-02-28")
        #expect(s.fieldProblems[.memberDateOfBirth] == nil)
    }

    @Test func consentReasonsAndTheOtherBasisAppearOnlyWhenTheyApply() {
        var s = Support.state(c)
        Support.press(&s, [.enter] + Array(repeating: .pageDown, count: 4))
        #expect(Wizard.formRows(s) == [.field(.consent), .field(.lawfulBasis), .field(.familyTold), .next])
        // Not sought (its reason row appears below), other (its detail row appears), then no.
        Support.press(&s, [.left, .down, .down, .left, .down, .down, .right, .right])
        #expect(s.assessment?.consent.status == .notSought)
        #expect(s.assessment?.sharing.lawfulBasis == .other)
        #expect(s.assessment?.sharing.familyTold == Assessment.YesNoNotKnown.no)
        #expect(
            Wizard.formRows(s) == [
                .field(.consent), .field(.consentReason), .field(.lawfulBasis), .field(.lawfulBasisDetail),
                .field(.familyTold), .field(.notToldReason), .next,
            ])
    }

    @Test func resumeReturnsToTheFormAndTheOpenEntry() throws {
        var s = onFamily()
        Support.press(&s, [.enter, .enter] + t("Sam") + [.enter, .down, .down])
        let saved = try #require(s.assessment)
        #expect(
            saved.resumeAt == ResumePosition(screen: "details-family", row: "carers-1", cursor: 0),
            "the last change saved where it was made")
        let effects = Support.press(&s, [.down])
        #expect(effects.isEmpty, "moving alone does not save")
        _ = Wizard.reduce(&s, .quit)
        let a = try #require(s.assessment)
        #expect(a.resumeAt == ResumePosition(screen: "details-family", row: "carers-1", cursor: 3))
        var again = Support.state(c)
        _ = Wizard.reduce(&again, .loaded(a))
        #expect(again.screen == .details && again.formPage == .family && again.formItem == FormItem(.carers, 0) && again.cursor == 3)
        // A position naming an entry that no longer exists opens the form, not the entry.
        var gone = a
        gone.carers = []
        var third = Support.state(c)
        _ = Wizard.reduce(&third, .loaded(gone))
        #expect(third.formPage == .family && third.formItem == nil && third.cursor < Wizard.formRows(third).count)
    }

    @Test func aVersionOnePositionOpensTheChildForm() throws {
        var s = Support.state(c)
        Support.press(&s, [.enter])
        var a = try #require(s.assessment)
        a.resumeAt = ResumePosition(screen: "details", cursor: 40)
        var again = Support.state(c)
        _ = Wizard.reduce(&again, .loaded(a))
        #expect(again.formPage == .child && again.cursor == Wizard.formRows(again).count - 1)
    }

    /// Line mode asks the same forms by number: add a carer, answer a yes/no by number, close
    /// it, open it again and remove it.
    @Test func lineModeAddsAndRemovesACarerByNumber() throws {
        let script = ["1", "", "1", "1", "Sam Smith", "3", "1", "", "1", "x", "q"]
        let host = FakeHost()
        var runner = LineRunner(state: Support.state(c), console: ScriptConsole(answers: script), host: host.host)
        _ = runner.run()
        let out = runner.console.output
        #expect(out.contains("  1. Add a parent or carer"))
        #expect(out.contains("  3. Parental responsibility: yes"))
        #expect(out.contains("  1. Parent or carer 1: Sam Smith, parental responsibility: yes"))
        #expect(out.contains("  x. Remove this parent or carer"))
        #expect(runner.state.assessment?.carers.isEmpty == true)
        #expect(runner.state.formPage == .family && runner.state.formItem == nil)
    }
}
