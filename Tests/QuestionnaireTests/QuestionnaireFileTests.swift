import Foundation
import Questionnaire
import ResponderModel
import Spreadsheet
import TestSupport
import Testing

/// The same layouts as `QuestionDetectorTests`, read from .xlsx files written by `make_fixtures.py`.
@Suite struct QuestionnaireFileTests {
    static let files: [(String, String)] = [
        ("caiq-v4.xlsx", "CAIQ v4"), ("ai-caiq.xlsx", "AI-CAIQ"), ("hecvat.xlsx", "HECVAT"),
        ("sig.xlsx", "SIG"), ("vsa.xlsx", "VSA"),
    ]

    @Test(arguments: files)
    func detectsLayoutFromFile(_ file: String, _ layoutName: String) throws {
        let path = Fixtures.folder().appendingPathComponent(file).path
        let (workbook, _) = try SpreadsheetReader.read(path: path)
        let scan = QuestionDetector().detect(in: workbook)
        let layout = try #require(layoutCases.first { $0.name == layoutName })
        QuestionDetectorTests.check(scan.questions, against: layout)
    }

    @Test func hecvatHiddenSheetsAreSkippedAndX14ListResolves() throws {
        let path = Fixtures.folder().appendingPathComponent("hecvat.xlsx").path
        let (workbook, _) = try SpreadsheetReader.read(path: path)
        let scan = QuestionDetector().detect(in: workbook)
        #expect(scan.layouts.map(\.skippedReason) == [nil, "hidden", "hidden"])
        #expect(scan.questions.map { $0.answerCells.first?.allowed } == Array(repeating: ["Yes", "No"], count: 3))
    }

    @Test func shippedTemplatesLoadAndFixTheCAIQLayout() throws {
        let templates = try TemplateProfile.loadAll(from: Fixtures.repositoryRoot().appendingPathComponent("Mappings/templates"))
        #expect(templates.map(\.name) == ["caiq-v4", "hecvat3", "hecvat4", "sig"])
        let path = Fixtures.folder().appendingPathComponent("caiq-v4.xlsx").path
        let (workbook, _) = try SpreadsheetReader.read(path: path)
        let scan = QuestionDetector(options: DetectionOptions(templates: templates)).detect(in: workbook)
        #expect(scan.layouts.first?.template == "caiq-v4")
        #expect(scan.questions.map(\.id) == ["A&A-01.1", "A&A-02.1", "I&S-08.1"])
        #expect(scan.questions.first?.answerCells.map(\.column) == ["C", "D", "E"])
        #expect(scan.questions.first?.answerCells.first?.label == "CSP CAIQ Answer")
    }

    @Test func badTemplateIsRejectedWithItsPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "version: 2\nname: x\nsheetPattern: x\nheaderContains: []\nheaderRow: 1\ncolumns: {question: B}\n"
            .write(to: folder.appendingPathComponent("x.yaml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try TemplateProfile.loadAll(from: folder)
        } throws: { error in
            "\(error)".contains("x.yaml") && "\(error)".contains("unsupported template version 2")
        }
    }
}
