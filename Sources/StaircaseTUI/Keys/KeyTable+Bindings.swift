import StaircaseCore

/// The key table's bindings, group by group, in table order (see `KeyTable.bindings`).
extension KeyTable {
    @inline(never) static func moving() -> [KeyBinding] {
        [
            // Moving.
            KeyBinding(
                [(.up, .move(-1)), (.char("k"), .move(-1)), (.down, .move(1)), (.char("j"), .move(1))],
                "↑/↓", "choose", help: "move the selection (j and k too)", in: [.start, .danger, .voice], priority: 1),
            KeyBinding(
                [(.up, .move(-1)), (.down, .move(1))], "↑/↓", "field", help: "previous or next field; stops at the ends",
                in: [.details], priority: 1),
            KeyBinding(
                [(.up, .move(-1)), (.char("k"), .move(-1)), (.down, .move(1)), (.char("j"), .move(1))],
                "j/k", "row", help: "previous or next row (↑ and ↓ too)", in: [.domain], priority: 7),
            KeyBinding(scrolling, "j/k", "scroll", help: "scroll a line (↑ and ↓ too)", in: [.review, .help], priority: 2),
            KeyBinding([(.up, .move(-1)), (.down, .move(1))], "↑/↓", "format", help: "choose the format", in: [.export], priority: 1),
            KeyBinding(paging, "PgUp/PgDn", "more", help: "scroll a page", in: [.fullText], priority: 2, when: .fullTextScrolls),
            KeyBinding(paging, "PgUp/PgDn", "more", help: "scroll a page", in: [.review], priority: 6, when: .reviewScrolls),
            KeyBinding(paging, "PgUp/PgDn", "scroll", help: "scroll a page", in: [.help], priority: 2),
            KeyBinding(
                [(.pageUp, .view(.scrollPanel(-1))), (.pageDown, .view(.scrollPanel(1)))], "PgUp/PgDn", "descriptors",
                help: "scroll the selected row's descriptors when they do not fit", in: [.domain], priority: 2, when: .panelScrolls),
            KeyBinding(
                [(.tab, .move(1)), (.backTab, .move(-1))], "Tab/S-Tab", "field", help: "next or previous field",
                in: [.details], priority: 7),
        ]
    }

    @inline(never) static func doing() -> [KeyBinding] {
        [
            // Doing.
            KeyBinding([(.enter, .activate)], "Enter", "open", help: "open the selected item", in: [.start], priority: 1),
            KeyBinding(
                [(.char("r"), .reassess)], "r", "re-assess",
                help: "re-assess the selected saved assessment's child: a new assessment, every earlier answer to confirm",
                in: [.start], priority: 2, when: .canReassess),
            KeyBinding(
                [(.enter, .activate)], "Enter", "edit", help: "edit the field, change a toggle, open or add an entry, or continue",
                in: [.details], priority: 1),
            KeyBinding(
                [(.pageDown, .page(1)), (.pageUp, .page(-1))], "PgDn/PgUp", "form", help: "next or previous form",
                in: [.details], priority: 3),
            KeyBinding(
                [(.char("x"), .removeItem), (.delete, .removeItem)], "x", "remove",
                help: "remove the selected or open entry (a carer, a household member, an agency; Del too)", in: [.details], priority: 2,
                when: .entrySelected),
            KeyBinding(
                [(.char(" "), .adjust(1)), (.right, .adjust(1)), (.left, .adjust(-1))], "Space/←/→", "toggle",
                help: "change a yes/no or a choice (consent, lawful basis, parental responsibility)", in: [.details], priority: 2),
            KeyBinding([(.enter, .activate)], "Enter", "answer", help: "answer with the selected choice", in: [.danger], priority: 1),
            KeyBinding(
                [(.enter, .activate)], "Enter", "write/tick", help: "write the selected text, or tick or untick the help selected",
                in: [.voice], priority: 1),
            KeyBinding(
                [(.char(" "), .adjust(1))], "Space", "tick", help: "tick or untick the help selected (Enter too)", in: [.voice],
                priority: 5, when: .helpSelected),
        ]
    }

    @inline(never) static func household() -> [KeyBinding] {
        [
            // The household questions: ↑/↓ only, since k answers "not known" here.
            KeyBinding(
                [(.up, .move(-1)), (.down, .move(1))], "↑/↓", "question", help: "previous or next question", in: [.household], priority: 1),
            KeyBinding(
                [(.char("y"), .answerHousehold(.yes)), (.char("n"), .answerHousehold(.no)), (.char("k"), .answerHousehold(.notKnown))],
                "y/n/k", "yes/no/not known", help: "answer the selected question: yes, no, or not known", in: [.household], priority: 1),
            KeyBinding(
                [(.char(" "), .adjust(1))], "Space", "next answer", help: "change the answer: yes, no, not known in turn",
                in: [.household], priority: 6),
            KeyBinding(
                [(.enter, .activate)], "Enter", "note", help: "write the note on the selected question (once it is answered)",
                in: [.household], priority: 2, when: .householdAnswered),
        ]
    }

    @inline(never) static func rating() -> [KeyBinding] {
        [
            KeyBinding(
                rates, "1-4", "level", help: "rate the row at Level 1 to 4 (the cursor moves on)",
                in: [.domain, .fullText], priority: 1),
            KeyBinding([(.char("n"), .rate(.notApplicable))], "n", "n/a", help: "not applicable", in: [.domain, .fullText], priority: 2),
            KeyBinding(
                [(.char("y"), .confirmCarried)], "y", "confirm",
                help: "confirm the answer carried from last time (\"to confirm\"), or that a row for another age applies to this child",
                in: [.domain, .fullText], priority: 1, when: .rowToConfirm),
            KeyBinding(
                [(.char("w"), .cycleReason)], "w", "why changed",
                help: "why a row changed since last time: real change, new information, none",
                in: [.domain, .fullText], priority: 2, when: .rowChanged),
            KeyBinding([(.char("x"), .rate(.notAssessed))], "x", "clear", help: "clear the answer", in: [.domain, .fullText], priority: 5),
            KeyBinding(
                [(.char("c"), .addEventForRow)], "c", "event",
                help: "add a dated event to the chronology for this row (the row is linked; closing the event comes back here)",
                in: [.domain, .fullText], priority: 5),
            KeyBinding(
                [(.char("h"), .openChronology)], "h", "chronology",
                help: "the chronology of significant events, in date order: add, edit or delete an event",
                in: [.domain, .fullText, .review], priority: 5),
            KeyBinding(
                [(.char("e"), .editNote)], "e", "note", help: "write an evidence note for the row", in: [.domain, .fullText], priority: 2),
            KeyBinding(
                [(.char("f"), .toggleExpanded), (.enter, .toggleExpanded)], "f", "full",
                help: "full text of every level, the links and the source note (Enter too)", in: [.domain], priority: 3),
            KeyBinding(
                [(.char("f"), .toggleExpanded), (.enter, .toggleExpanded)], "f", "close",
                help: "back to the rows (Enter and Esc too)", in: [.fullText], priority: 1),
            KeyBinding([(.char("/"), .startFilter)], "/", "filter", help: "filter the rows by text", in: [.domain], priority: 5),
            KeyBinding([(.char("a"), .toggleHidden)], "a", "ages", help: "show or hide rows for another age", in: [.domain], priority: 6),
        ]
    }

    @inline(never) static func reviewAndDecision() -> [KeyBinding] {
        [
            KeyBinding(
                levels(WizardAction.toggleCategory), "1-4", "concern", help: "mark or unmark a category of concern (Level 4)",
                in: [.review], priority: 1, when: .concernApplies),
            KeyBinding([(.enter, .activate)], "Enter", "decide", help: "go to the decision", in: [.review], priority: 1),
            KeyBinding([(.enter, .activate)], "Enter", "confirm", help: "record the decision", in: [.decision], priority: 1),
            KeyBinding(
                levels(WizardAction.chooseLevel), "1-4", "other level", help: "choose another level (needs a reason)",
                in: [.decision], priority: 1),
            KeyBinding(
                [(.char("s"), .toggleStep)], "s", "step 4/5", help: "at Level 4, step 4 or step 5", in: [.decision], priority: 2,
                when: .levelFourChosen),
            KeyBinding(
                [(.char("r"), .editReason)], "r", "reason", help: "write the reason for your decision", in: [.decision], priority: 1),
            KeyBinding(
                levels(WizardAction.toggleCategory), "1-4", "mark category",
                help: "at a decided Level 4, mark or unmark each category of concern", in: [.categories], priority: 1),
            KeyBinding(
                [(.enter, .activate)], "Enter", "record", help: "record the Level 4 decision with the categories marked",
                in: [.categories], priority: 1),
            KeyBinding(
                [(.char("e"), .editPath)], "e", "file name", help: "change the file name (relative to the folder shown)",
                in: [.export], priority: 1),
            KeyBinding([(.enter, .activate)], "Enter", "write", help: "write the summary", in: [.export], priority: 1),
        ]
    }

    @inline(never) static func chronology() -> [KeyBinding] {
        [
            // The chronology (issue 25).
            KeyBinding(
                [(.up, .move(-1)), (.char("k"), .move(-1)), (.down, .move(1)), (.char("j"), .move(1))],
                "↑/↓", "event", help: "the previous or next event (j and k too)", in: [.chronology], priority: 1),
            KeyBinding([(.char("a"), .addEvent)], "a", "add", help: "add an event", in: [.chronology], priority: 1),
            KeyBinding([(.enter, .activate)], "Enter", "edit", help: "edit the selected event", in: [.chronology], priority: 1),
            KeyBinding(
                [(.char("x"), .deleteEvent), (.delete, .deleteEvent)], "x", "delete",
                help: "delete the selected event (u undoes it; Del too)",
                in: [.chronology], priority: 2),
            KeyBinding(
                [(.up, .move(-1)), (.down, .move(1))], "↑/↓", "field", help: "previous or next field", in: [.eventEditor], priority: 1),
            KeyBinding(
                [(.enter, .activate)], "Enter", "edit/add",
                help: "edit the field, choose the rows, or on the last line add the event (keep the changes)", in: [.eventEditor],
                priority: 1),
            KeyBinding(
                [(.char("x"), .deleteEvent), (.delete, .deleteEvent)], "x", "delete",
                help: "delete the event being edited (u undoes it; Del too)", in: [.eventEditor], priority: 3),
            KeyBinding(
                [(.escape, .back)], "Esc", "close",
                help: "close the event: a complete one is kept (u undoes it), an incomplete one asks once before it is thrown away",
                in: [.eventEditor], priority: 2),
            KeyBinding(
                [(.up, .move(-1)), (.char("k"), .move(-1)), (.down, .move(1)), (.char("j"), .move(1))],
                "↑/↓", "row", help: "the previous or next row (j and k too)", in: [.eventRows], priority: 1),
            KeyBinding(
                [(.char(" "), .toggleEventRow), (.enter, .toggleEventRow)], "Space", "link",
                help: "link or unlink the selected row (Enter too)", in: [.eventRows], priority: 1),
            KeyBinding(
                [(.char("/"), .startFilter)], "/", "filter", help: "find rows by the words of their title", in: [.eventRows], priority: 2),
            KeyBinding(
                [(.escape, .back)], "Esc", "done", help: "back to the event (a filter set is cleared first)", in: [.eventRows], priority: 1),
        ]
    }

    @inline(never) static func merging() -> [KeyBinding] {
        [
            // A recovery copy brought back after the store changed (the merge screen).
            KeyBinding(
                [(.up, .move(-1)), (.char("k"), .move(-1)), (.down, .move(1)), (.char("j"), .move(1))],
                "↑/↓", "part", help: "the previous or next part that differs (j and k too)", in: [.merge], priority: 1),
            KeyBinding(
                [(.char("s"), .mergeTake(.saved)), (.char("c"), .mergeTake(.copy)), (.char("b"), .mergeTake(.both))], "s/c/b",
                "saved/copy/both",
                help: "the selected part keeps the saved answer (s), takes the copy’s (c), or for text keeps both, each marked (b)",
                in: [.merge], priority: 1),
            KeyBinding(
                [(.enter, .activate)], "Enter", "save (last line)",
                help: "on the last line, save the merged assessment (the copy is removed once it is saved); elsewhere, the next part",
                in: [.merge], priority: 1),
            KeyBinding(
                [(.escape, .back)], "Esc", "cancel", help: "change nothing: the saved assessment and the recovery copy are both kept",
                in: [.merge], priority: 3),
        ]
    }

    @inline(never) static func training() -> [KeyBinding] {
        [
            // Training runs (`staircase train`).
            KeyBinding(
                [(.up, .move(-1)), (.char("k"), .move(-1)), (.down, .move(1)), (.char("j"), .move(1))],
                "↑/↓", "choose", help: "move the selection (j and k too)", in: [.trainingChoose], priority: 1),
            KeyBinding([(.enter, .activate)], "Enter", "open", help: "open the selected case", in: [.trainingChoose], priority: 1),
            KeyBinding(
                [(.char("a"), .editAlias)], "a", "alias", help: "your workshop alias (never your real name)",
                in: [.trainingChoose], priority: 1),
            KeyBinding(
                scrolling, "j/k", "scroll", help: "scroll a line (↑ and ↓ too)", in: [.trainingRead, .feedback, .narrative], priority: 2),
            KeyBinding(paging, "PgUp/PgDn", "scroll", help: "scroll a page", in: [.trainingRead, .feedback, .narrative], priority: 3),
            KeyBinding([(.enter, .activate)], "Enter", "start", help: "start rating the case", in: [.trainingRead], priority: 1),
            KeyBinding(
                [(.char("w"), .writeResponse)], "w", "write response",
                help: "write your TRAINING response file (0600) into the folder you choose", in: [.feedback], priority: 1),
            KeyBinding(
                [(.enter, .activate)], "Enter", "write/next", help: "write your response, or once written, choose another case",
                in: [.feedback], priority: 1),
            KeyBinding(
                [(.char("v"), .toggleNarrative)], "v", "case", help: "the training case's narrative (a panel at 120 columns or more)",
                in: wizard.union([.feedback]), priority: 1, when: .trainingCase),
            KeyBinding(
                [(.char("v"), .toggleNarrative), (.escape, .toggleNarrative)], "v", "close", help: "close the narrative (Esc too)",
                in: [.narrative], priority: 1),
            KeyBinding([(.escape, .back)], "Esc", "back", help: "back to the cases", in: [.trainingRead], priority: 4),
        ]
    }

    @inline(never) static func betweenScreens() -> [KeyBinding] {
        [
            // Between screens.
            KeyBinding(
                [(.tab, .nextScreen)], "Tab", "next", help: "next screen",
                in: [.danger, .domain, .voice, .review, .decision, .household], priority: 3),
            KeyBinding(
                [(.escape, .back), (.backTab, .back)], "Esc", "back", help: "back (Shift-Tab too)",
                in: [.danger, .domain, .fullText, .voice, .review, .decision, .categories, .export, .household, .chronology], priority: 4),
            KeyBinding(
                [(.escape, .back)], "Esc", "back", help: "close the entry, or back a form (the first goes back to the start)",
                in: [.details], priority: 4),
            KeyBinding([(.char("u"), .undo)], "u", "undo", help: "undo the last change", in: wizard, priority: 6, when: .canUndo),
            KeyBinding(
                [(.char("q"), .quit)], "q", "quit", help: "quit (asks only if something is unsaved)",
                in: screens.union([.tooSmall]), priority: 2),
            KeyBinding([(.char("?"), .help)], "?", "help", help: "help and glossary", in: screens, priority: 0),
        ]
    }

    @inline(never) static func textFields() -> [KeyBinding] {
        [
            // Text fields.
            KeyBinding(
                [(.enter, .commitEdit), (.tab, .commitEdit)], "Enter", "save", help: "keep the text (Tab too)", in: [.editing], priority: 1),
            KeyBinding(
                [(.escape, .cancelEdit)], "Esc", "close",
                help: "close the field, keeping what was typed (u undoes it; a wrong date is left as it was)",
                in: [.editing], priority: 1),
            KeyBinding(
                [(.enter, .commitEdit), (.tab, .commitEdit)], "Enter", "keep filter", help: "keep the filter and go back to the rows",
                in: [.filter], priority: 1),
            KeyBinding([(.escape, .cancelEdit)], "Esc", "clear", help: "clear the filter", in: [.filter], priority: 1),
            KeyBinding([(.left, .cursor(-1)), (.right, .cursor(1))], "←/→", "move", help: "move the cursor", in: text, priority: 3),
            KeyBinding(
                [(.home, .cursorToStart), (.ctrl("a"), .cursorToStart), (.end, .cursorToEnd), (.ctrl("e"), .cursorToEnd)],
                "Ctrl-A/E", "start/end", help: "start or end of the text (Home and End too)", in: text, priority: 4),
            KeyBinding(
                [(.altLeft, .wordCursor(-1)), (.altRight, .wordCursor(1))], "Alt-←/→", "word", help: "a word back or forward",
                in: text, priority: 6),
            KeyBinding(
                [(.backspace, .deleteBackward), (.delete, .deleteForward)], "Bksp/Del", "delete",
                help: "delete before or under the cursor", in: text),
            KeyBinding(
                [(.ctrl("w"), .deleteWordBackward)], "Ctrl-W", "del word", help: "delete the word before the cursor", in: text, priority: 7),
            KeyBinding(
                [(.ctrl("k"), .killToEnd), (.ctrl("u"), .killToStart)], "Ctrl-K/U", "del to end/start",
                help: "delete to the end or the start of the text", in: text, priority: 8),
        ]
    }

    @inline(never) static func overlaysAndLock() -> [KeyBinding] {
        [
            // Overlays.
            KeyBinding(
                [(.char("y"), .confirmQuit(true)), (.char("Y"), .confirmQuit(true))], "y", "quit", help: "quit without saving",
                in: [.confirmQuit], priority: 1),
            KeyBinding(
                [(.char("y"), .confirmReplace(true)), (.char("Y"), .confirmReplace(true))], "y", "replace",
                help: "replace the existing file", in: [.confirmReplace], priority: 1),
            // The idle lock.
            KeyBinding(
                [(.enter, .unlock)], "Enter", "unlock", help: "check the passphrase and go back to where you were", in: [.locked],
                priority: 1),
            KeyBinding(
                [(.backspace, .deleteBackward)], "Bksp", "delete", help: "delete the last character typed", in: [.locked], priority: 3),
            KeyBinding([(.ctrl("u"), .killToStart)], "Ctrl-U", "clear", help: "clear what was typed", in: [.locked], priority: 4),
            // Last, so each help section starts with what the screen is for.
            KeyBinding([(.ctrl("l"), .redraw)], "Ctrl-L", "redraw", help: "redraw the screen", in: KeyContexts(C.allCases)),
            KeyBinding(
                [(.ctrl("r"), .reload)], "Ctrl-R", "reload",
                help: "read the saved file again (after a save was refused because another window changed it)", in: wizard),
        ]
    }
}
