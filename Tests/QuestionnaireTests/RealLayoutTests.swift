import Foundation
import Questionnaire
import ResponderModel
import Spreadsheet
import TestSupport
import Testing

/// Look-alikes of real buyer workbooks (HECVAT 4 and 3, SIG Core, VSA-style "Answer" tabs, a
/// ciso-assistant library, plain text-answer files), written by `Fixtures/RealLayouts/make_real_layouts.py`
/// with the expected questions beside each file (`<name>.expected.json`).
@Suite struct RealLayoutTests {
    struct Truth: Decodable {
        struct Cell: Decodable, Equatable, CustomStringConvertible {
            var column: String
            var kind: String
            var allowed: [String]?
            var description: String { "\(column):\(kind)\(allowed.map { "\($0)" } ?? "")" }
        }
        struct Item: Decodable {
            var sheet: String
            var row: Int
            var id: String?
            var text: String
            var answerCells: [Cell]
            var parentRow: Int?
        }
        struct SheetTruth: Decodable {
            var sheet: String
            var used: Bool
            var reason: String?
        }
        var questions: [Item]
        var sheets: [SheetTruth]
    }

    static let folder = Fixtures.folder().appendingPathComponent("RealLayouts")
    static let files = [
        "hecvat4.xlsx", "hecvat3.xlsx", "vsa.xlsx", "sig-core.xlsx", "ciso-assistant-es.xlsx",
        "plain-text-answers.xlsx", "plain-response.csv",
    ]

    static func truth(_ file: String) throws -> Truth {
        let name = (file as NSString).deletingPathExtension + ".expected.json"
        return try JSONDecoder().decode(Truth.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func scan(_ file: String, templates: [TemplateProfile] = []) throws -> QuestionnaireScan {
        let (workbook, _) = try SpreadsheetReader.read(path: folder.appendingPathComponent(file).path)
        return QuestionDetector(options: DetectionOptions(templates: templates)).detect(in: workbook)
    }

    static func check(_ scan: QuestionnaireScan, against truth: Truth) {
        let key = { (sheet: String, row: Int) in "\(sheet)!\(row)" }
        #expect(scan.questions.map { key($0.sheet, $0.row) } == truth.questions.map { key($0.sheet, $0.row) })
        let found = Dictionary(scan.questions.map { (key($0.sheet, $0.row), $0) }) { first, _ in first }
        for expected in truth.questions {
            guard let question = found[key(expected.sheet, expected.row)] else { continue }
            #expect(question.id == (expected.id ?? ""), "\(key(expected.sheet, expected.row))")
            #expect(question.text == expected.text, "\(key(expected.sheet, expected.row))")
            #expect(question.parentRow == expected.parentRow, "\(key(expected.sheet, expected.row))")
            let cells = question.answerCells.map { Truth.Cell(column: $0.column, kind: $0.kind.rawValue, allowed: $0.allowed) }
            #expect(cells == expected.answerCells, "\(key(expected.sheet, expected.row))")
        }
        #expect(scan.layouts.map(\.sheet) == truth.sheets.map(\.sheet))
        #expect(scan.layouts.map(\.isUsed) == truth.sheets.map(\.used))
        for (layout, expected) in zip(scan.layouts, truth.sheets) where expected.reason == "hidden" || expected.reason == "derived" {
            #expect(layout.skippedReason?.hasPrefix(expected.reason!) == true, "\(layout.sheet): \(layout.skippedReason ?? "used")")
        }
    }

    @Test(arguments: files)
    func detectsEveryQuestionWithoutATemplate(_ file: String) throws {
        Self.check(try Self.scan(file), against: try Self.truth(file))
    }

    @Test(arguments: files)
    func shippedTemplatesAgreeWithTheGeneralRules(_ file: String) throws {
        let templates = try TemplateProfile.loadAll(from: Fixtures.repositoryRoot().appendingPathComponent("Mappings/templates"))
        Self.check(try Self.scan(file, templates: templates), against: try Self.truth(file))
    }

    @Test func hecvat4ExplainsEchoAndSectionRows() throws {
        let scan = try Self.scan("hecvat4.xlsx")
        let ai = try #require(scan.layouts.first { $0.sheet == "AI" })
        #expect(ai.echoCount == 5)
        #expect(ai.columns.map { "\(CellAddress.columnLetters($0.column)):\($0.role.rawValue)" } == ["A:id", "B:question", "C:answer", "D:comment"])
        #expect(ai.sectionCount >= 2)
    }
}
