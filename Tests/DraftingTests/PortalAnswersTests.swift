import Drafting
import Foundation
import KnowledgeBase
import ResponderModel
import RunStore
import Spreadsheet
import Testing
import TestSupport

/// Answers-only exports for supplier portals: one row per question in the buyer's order, what the
/// buyer may see of the sources, formula injection neutralised, internal evidence never named.
@Suite struct PortalAnswersTests {
    static let content = EvidencePackTests.content

    static let questions = [
        EvidencePackTests.question(0, "Do you have an AI policy?", citations: ["control:iso42001:A.2.2", "evidence:EV-001", "evidence:EV-021"]),
        EvidencePackTests.question(1, "Model cards?", citations: ["evidence:EV-009", "system:AIS-001", "library:LIB-001"]),
        EvidencePackTests.question(2, "Rejected one?", citations: ["control:iso42001:A.2.2"]),
        EvidencePackTests.question(3, "Undecided?", citations: []),
        EvidencePackTests.question(4, "Formula?", citations: []),
        EvidencePackTests.question(5, "Names internal evidence?", citations: []),
    ]

    static let decisions = [
        ReviewDecision(
            runId: "r", key: "AI!Q-0", status: .approved, choice: "Yes", text: "We keep one.", reviewer: "ana.reviewer",
            decidedAt: "2026-11-02T10:00:00.000Z"),
        ReviewDecision(
            runId: "r", key: "AI!Q-1", status: .edited, choice: nil, text: "Per model, \"versioned\".",
            reviewer: "ben.reviewer", decidedAt: "2026-11-03T10:00:00.000Z"),
        ReviewDecision(
            runId: "r", key: "AI!Q-2", status: .rejected, choice: nil, text: nil, reviewer: "Ana",
            decidedAt: "2026-11-03T11:00:00.000Z"),
        ReviewDecision(
            runId: "r", key: "AI!Q-4", status: .edited, choice: "No", text: "=HYPERLINK(\"http://x\")",
            reviewer: "Ana", decidedAt: "2026-11-04T10:00:00.000Z"),
        ReviewDecision(
            runId: "r", key: "AI!Q-5", status: .edited, choice: nil, text: "See the Generative AI Acceptable Use Policy.",
            reviewer: "Ana", decidedAt: "2026-11-04T11:00:00.000Z"),
    ]

    static let run = RunSummary(
        id: "abc123abc123", path: "/in/buyer.xlsx", contentHash: "h", kbVersion: content.version,
        asOf: "2026-11-23", createdAt: "2026-11-01T00:00:00Z")

    static let answers = PortalAnswers(run: run, questions: questions, decisions: decisions, content: content)

    @Test func rowsFollowTheBuyersOrderWithStatusAndDate() {
        let rows = Self.answers.rows
        #expect(rows.map(\.id) == ["Q-0", "Q-1", "Q-2", "Q-3", "Q-4", "Q-5"])
        #expect(rows.map(\.row) == [2, 3, 4, 5, 6, 7])
        #expect(rows.map(\.status) == ["approved", "edited", "rejected", "undecided", "edited", "edited"])
        #expect(
            rows.map(\.decidedAt) == [
                "2026-11-02T10:00:00.000Z", "2026-11-03T10:00:00.000Z", "2026-11-03T11:00:00.000Z", nil,
                "2026-11-04T10:00:00.000Z", "2026-11-04T11:00:00.000Z",
            ])
        #expect(rows.map(\.choice) == ["Yes", nil, nil, nil, "No", nil])
        #expect(rows.map(\.answer) == ["We keep one.", "Per model, \"versioned\".", "", "", "=HYPERLINK(\"http://x\")", ""])
        #expect(Self.answers.answered == 3)
        #expect(
            Self.answers.withheld.count == 1 && Self.answers.withheld[0].hasPrefix("AI!Q-5: the text names internal evidence"),
            "\(Self.answers.withheld)")
    }

    @Test func citationsAreWhatTheBuyerMaySee() {
        let rows = Self.answers.rows
        #expect(
            rows[0].citations.map(\.text) == [
                "ISO/IEC 42001 A.2.2 AI policy",
                "AI Policy (https://trust.northwindanalytics.example/ai-policy)",
            ], "internal EV-021 is left out")
        #expect(rows[0].citations[0].framework == "iso42001" && rows[0].citations[0].id == "A.2.2")
        #expect(
            rows[1].citations.map(\.text) == ["Model Card: Northwind PreQual (available under NDA)"],
            "NDA evidence without its location; system and library keys stay in-house")
        #expect(rows[1].citations[0].location == nil && rows[1].citations[0].availability == "nda")
    }

    @Test func draftsOnlyWhenAsked() {
        let drafts = PortalAnswers(
            run: Self.run, questions: Self.questions, decisions: Self.decisions, content: Self.content,
            includeDrafts: true)
        #expect(drafts.rows[3].status == "draft" && drafts.rows[3].answer == "[DRAFT] Draft" && drafts.rows[3].choice == "Yes")
        #expect(drafts.rows[2].status == "rejected" && drafts.rows[2].answer.isEmpty, "a rejection is never replaced by its draft")
    }

    /// What no answers file may hold: reviewers, internal keys, internal evidence.
    static func expectNothingInternal(_ text: String) throws {
        let internalItems = content.evidence.filter { $0.confidentiality == .internal }
        try #require(!internalItems.isEmpty)
        for item in internalItems {
            for secret in [item.id, item.title, item.location] { #expect(!text.contains(secret), "\(item.id) leaked") }
        }
        for hidden in ["ana.reviewer", "ben.reviewer", "AI!Q-", "abc123abc123", "AIS-001", "LIB-001", "EV-"] {
            #expect(!text.contains(hidden), "\(hidden) in the answers")
        }
    }

    @Test func csvNeutralisesFormulasAndQuotes() throws {
        let text = String(decoding: CSVPortalAnswerWriter().render(Self.answers), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "ID,Sheet,Row,Question,Choice,Answer,Citations,Status,Decided")
        #expect(
            lines[1] == "Q-0,AI,2,Do you have an AI policy?,Yes,We keep one.,"
                + "ISO/IEC 42001 A.2.2 AI policy; AI Policy (https://trust.northwindanalytics.example/ai-policy),approved,2026-11-02T10:00:00.000Z")
        #expect(lines[2].contains(",\"Per model, \"\"versioned\"\".\","))
        #expect(lines[5] == "Q-4,AI,6,Formula?,No,\"'=HYPERLINK(\"\"http://x\"\")\",,edited,2026-11-04T10:00:00.000Z")
        #expect(lines.count == Self.questions.count + 2 && lines.last == "")
        try Self.expectNothingInternal(text)
    }

    @Test func jsonHasOneShapePerRow() throws {
        let data = try JSONPortalAnswerWriter().render(Self.answers)
        #expect(try JSONPortalAnswerWriter().render(Self.answers) == data, "the same answers give the same bytes")
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["questionnaire"] as? String == "buyer.xlsx")
        let rows = try #require(document["answers"] as? [[String: Any]])
        #expect(rows.count == Self.questions.count)
        #expect(rows.allSatisfy { Set($0.keys) == ["id", "sheet", "row", "question", "choice", "answer", "citations", "status", "decidedAt"] })
        #expect(rows[0]["choice"] as? String == "Yes" && rows[0]["answer"] as? String == "We keep one.")
        #expect(rows[3]["choice"] is NSNull && rows[3]["decidedAt"] is NSNull)
        let citation = try #require((rows[0]["citations"] as? [[String: Any]])?.first)
        #expect(citation["kind"] as? String == "control" && citation["framework"] as? String == "iso42001" && citation["id"] as? String == "A.2.2")
        try Self.expectNothingInternal(String(decoding: data, as: UTF8.self))
    }

    @Test func xlsxWritesTextNeverFormulas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("PortalAnswersTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("answers.xlsx")
        try XLSXPortalAnswerWriter().write(Self.answers, to: url)
        let workbook = try SpreadsheetReader.read(path: url.path).workbook
        let sheet = try #require(workbook.sheet(named: "Answers"))
        let headings = (1...9).map { sheet.cell(at: CellAddress(row: 1, column: $0))?.value.displayText ?? "" }
        #expect(headings == ["ID", "Sheet", "Row", "Question", "Choice", "Answer", "Citations", "Status", "Decided"])
        let formula = try #require(sheet.cell(at: CellAddress(row: 6, column: 6)))
        #expect(formula.formula == nil && formula.value.displayText == "=HYPERLINK(\"http://x\")")
        #expect(sheet.cell(at: CellAddress(row: 2, column: 5))?.value.displayText == "Yes")
    }
}
