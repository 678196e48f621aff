import Foundation
import Testing
import TestSupport
@testable import Spreadsheet

@Suite struct SpreadsheetReaderTests {
    @Test(arguments: [
        ("binary_workbook.xlsb", "this is an Excel binary workbook (.xlsb): save it as .xlsx (Excel Workbook) and try again"),
        ("numbers_export.xlsx", "this is an Apple Numbers document: export it as .xlsx (File > Export To > Excel) and try again"),
        ("not_a_spreadsheet.xlsx", "this is a ZIP archive with no workbook inside (it holds readme.txt), not a spreadsheet: expected an .xlsx or .csv file"),
        ("encrypted.xlsx", "this is a password-protected workbook: remove the password (File > Info > Protect Workbook) and save as .xlsx"),
        ("legacy.xls", "this is a legacy Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) and try again"),
        ("random.bin", "this is not a spreadsheet we can read: save it as .xlsx (Excel Workbook) or .csv"),
    ])
    func refusesOtherFormatsWithAdvice(name: String, message: String) {
        let path = fixturePath(name)
        let error = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: path) }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.location.description == path)
        #expect(error?.message == message)
    }

    /// Files a buyer (or a mail client) gives a spreadsheet's name: the refusal says what they are.
    @Test(arguments: [
        ("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj", "this is a PDF document, not a spreadsheet"),
        ("\u{89}PNG\r\n\u{1A}\n", "this is a PNG image, not a spreadsheet"),
        ("{\\rtf1\\ansi questionnaire}", "this is an RTF document, not a spreadsheet"),
        ("<!DOCTYPE html><html><table><tr><td>Q</td></tr></table></html>", "holds an HTML page, not a workbook"),
    ])
    func misnamedFilesAreNamedForWhatTheyAre(content: String, fragment: String) throws {
        let bytes = content.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let path = try temporaryFile(Data(bytes), as: "questionnaire.xlsx")
        let error = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: path) }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    }

    @Test(arguments: [
        (["[Content_Types].xml", "_rels/.rels", "word/document.xml"], "this is a Word document (.docx), not a spreadsheet"),
        (["[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml"], "this is a PowerPoint presentation (.pptx), not a spreadsheet"),
        (["mimetype", "content.xml"], "this is an OpenDocument file (.ods): save it as .xlsx"),
        (["photo.jpg"], "this is a ZIP archive with no workbook inside (it holds photo.jpg)"),
    ])
    func zipArchivesThatAreNotWorkbooksAreNamed(entries: [String], fragment: String) throws {
        let path = try temporaryFile(Self.storedZip(entries), as: "questionnaire.xlsx")
        let error = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: path) }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    }

    /// A ZIP archive of empty stored entries, written by hand (PKWARE APPNOTE 4.3: local headers,
    /// central directory, end record); the reader checks structure, not CRCs of empty entries.
    static func storedZip(_ names: [String]) -> Data {
        var data = Data(), central = Data()
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16) }
        for name in names {
            let offset = data.count
            let nameBytes = Array(name.utf8)
            data +=
                [0x50, 0x4B, 0x03, 0x04] + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(0) + le32(0) + le32(0)
                + le16(nameBytes.count) + le16(0) + nameBytes
            central +=
                [0x50, 0x4B, 0x01, 0x02] + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(0)
                + le32(0) + le32(0) + le16(nameBytes.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let directoryOffset = data.count
        data += central
        data +=
            [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(names.count) + le16(names.count) + le32(central.count)
            + le32(directoryOffset) + le16(0)
        return data
    }

    func temporaryFile(_ data: Data, as name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test func numbersExtensionIsRefusedWhateverTheContent() throws {
        let scratch = try ScratchFolder("SpreadsheetReaderTests")
        let path = try temporaryCopy(of: "bom.csv", as: "budget.numbers", in: scratch)
        let error = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: path) }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.message.contains("Apple Numbers") == true)
    }

    @Test func contentDecidesNotTheExtension() throws {
        // An .xlsx saved under a .dat name is still read as XLSX, and text under .dat as CSV.
        let scratch = try ScratchFolder("SpreadsheetReaderTests")
        let workbook = try SpreadsheetReader.read(path: temporaryCopy(of: "questionnaire.xlsx", as: "download.dat", in: scratch)).workbook
        #expect(workbook.format == .xlsx)
        #expect(workbook.sheets.count == 3)
        let csv = try SpreadsheetReader.read(path: temporaryCopy(of: "semicolon.csv", as: "export.dat", in: scratch)).workbook
        #expect(csv.format == .csv)
        #expect(csv.sheets[0].name == "export")
        #expect(csv.sheets[0].cell(at: CellAddress("B2")!)?.value == .text("Policy; approved?"))
    }

    @Test func textNamedLikeAWorkbookIsRefused() throws {
        let scratch = try ScratchFolder("SpreadsheetReaderTests")
        let path = try temporaryCopy(of: "embedded.csv", as: "questions.xls", in: scratch)
        let error = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: path) }
        #expect(error?.kind == .unsupportedFormat)
    }

    @Test(arguments: ["embedded.csv", "tabs.tsv", "utf16le.txt", "nul.csv"])
    func textExtensionsGoToTheCSVReader(name: String) throws {
        do {
            let result = try SpreadsheetReader.read(path: fixturePath(name))
            #expect(result.workbook.format == .csv)
            #expect(result.diagnostics.isEmpty)
        } catch {
            // nul.csv is binary-looking but named .csv: the CSV reader reports the line.
            #expect(name == "nul.csv")
            #expect(error.kind == .malformed)
            #expect(error.location.line == 2)
        }
    }

    @Test func missingFileAndFolderAreIOErrors() {
        let missing = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: "/nonexistent/buyer.xlsx") }
        #expect(missing?.kind == .io)
        #expect(missing?.location.description == "/nonexistent/buyer.xlsx")
        let folder = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: NSTemporaryDirectory()) }
        #expect(folder?.kind == .io)
    }

    @Test func readingNeverModifiesTheInput() throws {
        let path = fixturePath("questionnaire.xlsx")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        _ = try SpreadsheetReader.read(path: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(
            try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
                == attributes[.modificationDate] as? Date)
    }

    @Test func truncatedOrGarbledArchivesNeverCrash() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: fixturePath("questionnaire.xlsx")))
        let scratch = try ScratchFolder("SpreadsheetReaderTests")
        let directory = scratch.url
        // Truncations and byte flips at spread-out offsets: each must read or throw, never trap.
        for (index, cut) in stride(from: 4, to: original.count, by: 97).enumerated() {
            var damaged = original.prefix(cut)
            let path = directory.appendingPathComponent("cut\(index).xlsx").path
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            _ = try? SpreadsheetReader.read(path: path)
            damaged = original
            damaged[cut] ^= 0x5A
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            _ = try? SpreadsheetReader.read(path: path)
        }
        #expect(try SpreadsheetReader.read(path: fixturePath("questionnaire.xlsx")).workbook.sheets.count == 3)
    }

    /// A copy of a fixture under another name, in a scratch folder the test holds.
    private func temporaryCopy(of fixture: String, as name: String, in scratch: ScratchFolder) throws -> String {
        try scratch.copy(URL(fileURLWithPath: fixturePath(fixture)), to: name)
    }
}
