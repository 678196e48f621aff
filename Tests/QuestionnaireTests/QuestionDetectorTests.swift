import Questionnaire
import ResponderModel
import Spreadsheet
import Testing

/// What a test expects of one question.
struct Expected: Sendable, CustomStringConvertible {
    var id: String
    var row: Int
    var text: String
    var section: String? = nil
    var parentRow: Int? = nil
    var critical = false
    var description: String { "\(id)@\(row)" }
}

struct LayoutCase: Sendable, CustomStringConvertible {
    var name: String
    var sheets: [SheetBuilder]
    var expected: [Expected]
    /// Column letters and kinds of the first question's answer cells, with allowed values.
    var answerCells: [AnswerCell]
    var description: String { name }
}

extension SheetBuilder: @unchecked Sendable {}

let layoutCases: [LayoutCase] = [
    LayoutCase(
        name: "CAIQ v4", sheets: [Layouts.caiq],
        expected: [
            Expected(
                id: "A&A-01.1", row: 5, text: "Are audit and assurance policies, procedures, and standards established, documented, approved, communicated, applied, evaluated, and maintained?",
                section: "Audit & Assurance - A&A"),
            Expected(id: "A&A-02.1", row: 6, text: "Are independent audit and assurance assessments conducted according to relevant standards at least annually?", section: "Audit & Assurance - A&A"),
            Expected(
                id: "I&S-08.1", row: 8, text: "Are policies established for infrastructure and virtualization security?", section: "Infrastructure & Virtualization Security - I&S", critical: true),
        ],
        answerCells: [
            AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No", "N/A"], label: "CSP CAIQ Answer"),
            AnswerCell(column: "E", kind: .text, label: "CSP Implementation Description (Optional/Recommended)"),
        ]),
    LayoutCase(
        name: "AI-CAIQ", sheets: [Layouts.aiCAIQ],
        expected: [
            Expected(id: "AIGN-01", row: 2, text: "AI inventory"),
            Expected(id: "AIGN-02", row: 3, text: "Provide a copy of your AI policy."),
            Expected(id: "DPAI-08", row: 4, text: "The vendor shall document training data provenance."),
        ],
        answerCells: [
            AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No", "N/A"], label: "Answer"),
            AnswerCell(column: "D", kind: .text, label: "Notes"),
        ]),
    LayoutCase(
        name: "HECVAT", sheets: [Layouts.hecvatGeneral, Layouts.hecvatMaster, Layouts.hecvatLists],
        expected: [
            Expected(id: "GNRL-01", row: 2, text: "Vendor name"),
            Expected(id: "18.1.26", row: 3, text: "Do you have a documented AI governance program?"),
            Expected(id: "18.1.27", row: 4, text: "Is the program reviewed annually?"),
        ],
        answerCells: [
            AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No"], label: "Answer"),
            AnswerCell(column: "D", kind: .text, label: "Additional Information"),
        ]),
    LayoutCase(
        name: "SIG", sheets: [Layouts.sig],
        expected: [
            Expected(id: "K.1", row: 4, text: "Is there a documented business resiliency program", section: "K. Business Resiliency"),
            Expected(id: "K.2", row: 5, text: "Are business impact analyses performed?", section: "K. Business Resiliency"),
        ],
        answerCells: [
            AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No", "N/A"], label: "Response"),
            AnswerCell(column: "D", kind: .text, label: "Additional Information"),
        ]),
    LayoutCase(
        name: "VSA", sheets: [Layouts.vsa],
        expected: [
            Expected(id: "RG-PS-01", row: 2, text: "Do you have a privacy program?"),
            Expected(id: "", row: 3, text: "- If so, describe who owns it.", parentRow: 2),
            Expected(id: "", row: 4, text: "If no, explain why not.", parentRow: 2),
            Expected(id: "RG-PS-02", row: 6, text: "Is training mandatory for all staff?"),
        ],
        answerCells: [
            AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No"], label: "Yes/No"),
            AnswerCell(column: "D", kind: .text, label: "Comments"),
        ]),
    LayoutCase(
        name: "no header", sheets: [Layouts.noHeader],
        expected: [
            Expected(id: "1.1", row: 1, text: "Describe how you monitor AI systems in production."),
            Expected(id: "1.2", row: 2, text: "Do you assess the impact of AI systems on individuals?"),
            Expected(id: "1.3", row: 3, text: "Provide your AI risk assessment methodology."),
        ], answerCells: [AnswerCell(column: "C", kind: .text)]),
    LayoutCase(
        name: "numbered headings", sheets: [Layouts.numberedHeadings],
        expected: [
            Expected(id: "1.1", row: 7, text: "The supplier shall maintain an information security policy approved by management.", section: "Information Security"),
            Expected(id: "1.2", row: 8, text: "Describe how access to customer data is restricted.", section: "Information Security"),
            Expected(id: "2.1", row: 11, text: "Do you use customer data to train AI models?", section: "Artificial Intelligence"),
        ],
        answerCells: [
            AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No", "Partial"], label: "Supplier Response"),
            AnswerCell(column: "D", kind: .text, label: "Comments"),
        ]),
    LayoutCase(
        name: "control description", sheets: [Layouts.controlDescription],
        expected: [
            Expected(id: "GOV-1", row: 2, text: "The vendor maintains an approved information security policy reviewed annually."),
            Expected(id: "GOV-2", row: 3, text: "Does the vendor maintain an inventory of AI systems?"),
        ],
        answerCells: [
            AnswerCell(column: "D", kind: .text, label: "Vendor Response"),
            AnswerCell(column: "E", kind: .text, label: "Evidence Link"),
        ]),
]

@Suite struct QuestionDetectorTests {
    @Test(arguments: layoutCases)
    func detectsLayout(_ layout: LayoutCase) {
        let scan = QuestionDetector().detect(in: Workbook(path: "buyer.xlsx", layout.sheets))
        Self.check(scan.questions, against: layout)
    }

    static func check(_ questions: [Question], against layout: LayoutCase) {
        #expect(questions.map(\.id) == layout.expected.map(\.id))
        #expect(questions.map(\.row) == layout.expected.map(\.row))
        #expect(questions.map(\.text) == layout.expected.map(\.text))
        #expect(questions.map(\.section) == layout.expected.map(\.section))
        #expect(questions.map(\.parentRow) == layout.expected.map(\.parentRow))
        #expect(questions.map(\.isCritical) == layout.expected.map(\.critical))
        #expect(Set(questions.map(\.sheet)) == [layout.sheets[0].name])
        #expect(questions.first?.answerCells == layout.answerCells)
    }

    @Test func hiddenMasterAndListSheetsAreSkippedWithReasons() {
        let scan = QuestionDetector().detect(in: Workbook(path: "hecvat.xlsx", [Layouts.hecvatGeneral, Layouts.hecvatMaster, Layouts.hecvatLists]))
        #expect(scan.layouts.map(\.skippedReason) == [nil, "hidden", "hidden"])
        #expect(scan.questions.map(\.sheet) == ["GNRL", "GNRL", "GNRL"])
    }

    @Test func coverAndInstructionSheetsYieldNoQuestions() {
        let cover = SheetBuilder(
            name: "Instructions",
            grid: [
                ["Globex AI Vendor Assessment"],
                [""],
                ["Version 2.3, issued October 2026 by Globex Third-Party Risk Management."],
                ["Complete the 'AI Governance' sheet. Select a response from each drop-down list."],
                ["Return the completed workbook within 15 working days of receiving it."],
            ])
        let scan = QuestionDetector().detect(in: Workbook(path: "buyer.xlsx", format: .xlsx, sheets: [cover.build()]))
        #expect(scan.questions.isEmpty)
        #expect(scan.layouts.first?.skippedReason?.contains("instructions") == true)
    }

    @Test func sheetOptionSelectsSheetsAndReportsUnknownOnes() {
        let options = DetectionOptions(sheets: ["Master", "Nope"])
        let scan = QuestionDetector(options: options).detect(in: Workbook(path: "hecvat.xlsx", [Layouts.hecvatGeneral, Layouts.hecvatMaster]))
        #expect(scan.layouts.map(\.sheet) == ["Master"])
        #expect(scan.questions.count == 3)
        #expect(scan.diagnostics.contains { $0.severity == .error && $0.message == "no sheet named 'Nope'" })
    }

    @Test func columnOverridesBeatDetection() throws {
        let overrides = try ColumnOverrides(parsing: "id=A,question=B,comment=D")
        let scan = QuestionDetector(options: DetectionOptions(columns: overrides)).detect(in: Workbook(path: "b.xlsx", [Layouts.aiCAIQ]))
        #expect(scan.questions.map(\.id) == ["AIGN-01", "AIGN-02", "DPAI-08"])
        #expect(scan.questions[0].answerCells == [AnswerCell(column: "D", kind: .text, label: "Notes")])
        #expect(scan.layouts[0].columns.allSatisfy { $0.source == .override })
    }

    @Test(arguments: [
        ("question=1", "bad column '1'"),
        ("id=A", "must name the question column"),
        ("colour=B,question=C", "unknown role 'colour'"),
        ("question", "expected ROLE=COLUMN"),
    ])
    func badOverridesGiveClearErrors(_ text: String, _ fragment: String) {
        #expect {
            _ = try ColumnOverrides(parsing: text)
        } throws: { error in
            (error as? DetectionError)?.message.contains(fragment) == true
        }
    }

    @Test func answerColumnWithoutDropdownTakesText() {
        var sheet = Layouts.aiCAIQ
        sheet.lists = []
        let scan = QuestionDetector().detect(in: Workbook(path: "buyer.xlsx", [sheet]))
        #expect(scan.diagnostics.map(\.description) == ["buyer.xlsx[AI]!C2: note: answer column has no dropdown: answers are written as text"])
        #expect(scan.questions[0].answerCells == [AnswerCell(column: "C", kind: .text, label: "Answer"), AnswerCell(column: "D", kind: .text, label: "Notes")])
    }

    @Test(arguments: [("answer=C:text", AnswerCell.Kind.text), ("answer=C:choice", .choice)])
    func answerKindCanBeFixed(_ columns: String, _ kind: AnswerCell.Kind) throws {
        let overrides = try ColumnOverrides(parsing: "id=A,question=B,\(columns)")
        let scan = QuestionDetector(options: DetectionOptions(columns: overrides)).detect(in: Workbook(path: "b.xlsx", [Layouts.aiCAIQ]))
        #expect(scan.questions.map { $0.answerCells.map(\.kind) } == Array(repeating: [kind], count: 3))
    }

    @Test func csvLocationsUseRecordNumbers() {
        let sheet = SheetBuilder(
            name: "questions",
            grid: [
                ["ID", "Question", "Answer"],
                ["", "Do you run AI impact assessments?", ""],
            ]
        ).build()
        let scan = QuestionDetector().detect(in: Workbook(path: "questions.csv", format: .csv, sheets: [sheet]))
        #expect(scan.questions.map(\.row) == [2])
        #expect(scan.diagnostics.map(\.description) == ["questions.csv:2: note: question without ID"])
        #expect(scan.questions[0].answerCells.map(\.column) == ["C"])
    }

    @Test(arguments: [
        ("Is the policy\nreviewed annually?", "Is the policy reviewed annually?", false),
        ("Describe:\n- training\n- review", "Describe:\n- training\n- review", false),
        ("  Lots   of    spaces *", "Lots of spaces", true),
    ])
    func textIsUnwrappedAndTrimmed(_ raw: String, _ expected: String, _ critical: Bool) {
        let sheet = SheetBuilder(name: "Q", grid: [["ID", "Question", "Answer"], ["Q-1", raw, ""]])
        let question = QuestionDetector().detect(in: Workbook(path: "q.xlsx", [sheet])).questions.first
        #expect(question?.text == expected)
        #expect(question?.isCritical == critical)
    }

    @Test func verticalMergeCarriesQuestionTextDown() {
        let sheet = SheetBuilder(
            name: "Q",
            grid: [
                ["ID", "Question", "Sub-item", "Answer"],
                ["Q-1", "Do you maintain an AI inventory covering:", "models", ""],
                ["Q-2", "", "datasets", ""],
            ], merges: ["B2:B3"])
        let scan = QuestionDetector().detect(in: Workbook(path: "q.xlsx", [sheet]))
        #expect(scan.questions.map(\.text) == ["Do you maintain an AI inventory covering:", "Do you maintain an AI inventory covering:"])
    }

    @Test func spanishHeaderAndHiddenQuestionRowsAreKept() {
        let sheet = SheetBuilder(
            name: "Cuestionario",
            grid: [
                ["Cuestionario de proveedores"],
                ["Nº", "Pregunta", "Respuesta", "Comentarios"],
                ["P-1", "¿Dispone de una política de IA?", "", ""],
                ["P-2", "¿Evalúa el impacto de sus sistemas de IA?", "", ""],
            ], hiddenRows: [4])
        let scan = QuestionDetector().detect(in: Workbook(path: "es.xlsx", [sheet]))
        #expect(scan.layouts.first?.headerRow == 2)
        #expect(scan.questions.map(\.id) == ["P-1", "P-2"])
        #expect(scan.questions.first?.answerCells.map(\.column) == ["C", "D"])
    }

    @Test func sentinelsTitlesAndInstructionsAreNotQuestions() {
        let sheet = SheetBuilder(
            name: "Q",
            grid: [
                ["Vendor Security Questionnaire"],
                ["ID", "Question", "Answer"],
                ["Q-1", "Provide a copy of your AI policy.", ""],
                ["", "End of worksheet", ""],
                ["Copyright 2024 Example Corp"],
            ])
        let scan = QuestionDetector().detect(in: Workbook(path: "q.xlsx", [sheet]))
        #expect(scan.questions.map(\.row) == [3])
    }

    @Test func numberTypedIDKeepsItsRawText() {
        let sheet = SheetBuilder(
            name: "Q",
            grid: [
                ["ID", "Question", "Answer"],
                ["18.10", "Is AI use disclosed to customers?", ""],
            ], numberCells: ["A2"])
        #expect(QuestionDetector().detect(in: Workbook(path: "q.xlsx", [sheet])).questions.map(\.id) == ["18.10"])
    }

    @Test func shortAnsweredQuestionIsNotMistakenForARepeatedHeader() {
        let sheet = SheetBuilder(
            name: "Q",
            grid: [
                ["ID", "Question", "Answer", "Comments"],
                ["Q-1", "Access control policy", "Yes", "See policy"],
                ["ID", "Question", "Answer", "Comments"],
                ["Q-2", "Do you log model access?", "No", ""],
            ])
        #expect(QuestionDetector().detect(in: Workbook(path: "q.xlsx", [sheet])).questions.map(\.row) == [2, 4])
    }
}
