import Foundation
import Testing
@testable import Spreadsheet

@Suite struct CSVReaderTests {
    /// The rows of a fixture as [row number: [column letter + row: text]] for exact comparisons.
    private func cells(_ name: String) throws -> [String: String] {
        let workbook = try CSVReader.read(data: Data(contentsOf: URL(fileURLWithPath: fixturePath(name))), path: name)
        var result: [String: String] = [:]
        for row in workbook.sheets[0].rows {
            for cell in row.cells {
                guard case .text(let text) = cell.value else {
                    Issue.record("\(cell.address) is not text: \(cell.value)")
                    continue
                }
                result[cell.address.description] = text
            }
        }
        return result
    }

    @Test func quotedFieldsKeepNewlinesDelimitersAndQuotes() throws {
        #expect(
            try cells("embedded.csv") == [
                "A1": "ID", "B1": "Question", "C1": "Notes",
                "A2": "1", "B2": "Do you have a policy,\nand is it approved?", "C2": "Say \"yes\" or \"no\"",
                "A3": "2", "B3": "Line one\nLine two",
            ])
    }

    @Test func mixedLineEndingsEachEndARecord() throws {
        #expect(
            try cells("mixed_line_endings.csv") == [
                "A1": "a", "B1": "b", "A2": "c", "B2": "d", "A3": "e", "B3": "f", "A4": "g", "B4": "h",
            ])
    }

    @Test(arguments: [
        ("bom.csv", ["A1": "ID", "B1": "Question", "A2": "18.1.26", "B2": "Is été ok?"]),
        ("utf16le.txt", ["A1": "ID", "B1": "Question", "A2": "A&A-01.1", "B2": "Über \"AI\"?"]),
        ("utf16be.csv", ["A1": "ID", "B1": "Question", "A2": "DPAI-08", "B2": "Résumé?"]),
        (
            "semicolon.csv",
            [
                "A1": "ID", "B1": "Question", "C1": "Answer", "A2": "AIGN-01", "B2": "Policy; approved?",
                "C2": "Yes", "A3": "AIGN-02", "B3": "Owner, named?",
            ]
        ),
        ("tabs.tsv", ["A1": "ID", "B1": "Question", "A2": "RG-PS-01", "B2": "Has commas, and; semicolons"]),
        ("ids.csv", ["A1": "ID", "B1": "Version", "A2": "18.1.26", "B2": "18.1", "A3": "007", "B3": "1e3"]),
    ])
    func decodesEncodingsAndDelimiters(name: String, expected: [String: String]) throws {
        #expect(try cells(name) == expected)
    }

    @Test func raggedRowsKeepRecordNumbersAndSkipEmptyFields() throws {
        let workbook = try CSVReader.read(data: Data(contentsOf: URL(fileURLWithPath: fixturePath("ragged.csv"))), path: "ragged.csv")
        let sheet = workbook.sheets[0]
        #expect(sheet.name == "ragged")
        #expect(sheet.rows.map(\.number) == [1, 2, 3, 5])
        #expect(
            sheet.rows.map { $0.cells.map(\.address.description) } == [
                ["A1", "B1", "C1"], ["A2"], ["A3", "B3", "C3", "D3", "E3"], ["C5"],
            ])
        #expect(sheet.cell(at: CellAddress(row: 5, column: 3))?.value == .text("x"))
    }

    @Test(arguments: [
        ("unclosed_quote.csv", 4, "never closed"),
        ("invalid_utf8.csv", 3, "invalid UTF-8"),
        ("nul.csv", 2, "NUL byte"),
    ])
    func malformedInputNamesTheLine(name: String, line: Int, message: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath(name)))
        let error = #expect(throws: SpreadsheetError.self) { try CSVReader.read(data: data, path: name) }
        #expect(error?.kind == .malformed)
        #expect(error?.location.description == "\(name):\(line)")
        #expect(error?.message.contains(message) == true)
    }

    @Test func lineNumbersCountPhysicalLinesInsideQuotedFields() {
        let data = Data("a\n\"one\ntwo\nthree\"\n\"open\n".utf8)
        let error = #expect(throws: SpreadsheetError.self) { try CSVReader.read(data: data, path: "q.csv") }
        #expect(error?.location.line == 5)
    }

    @Test func oversizedFieldAndFileAreLimitErrors() {
        var limits = ReadLimits()
        limits.maxCSVFieldBytes = 4
        let field = #expect(throws: SpreadsheetError.self) {
            try CSVReader.read(data: Data("ok\nabc,defgh\n".utf8), path: "big.csv", limits: limits)
        }
        #expect(field?.kind == .limitExceeded)
        #expect(field?.location.line == 2)
        limits.maxCSVFileBytes = 8
        let file = #expect(throws: SpreadsheetError.self) {
            try CSVReader.read(data: Data("0123456789".utf8), path: "big.csv", limits: limits)
        }
        #expect(file?.kind == .limitExceeded)
    }

    @Test(arguments: [
        ("a,b,c\n1,2,3\n", ","), ("a;b;c\n1;2;3\n", ";"), ("a\tb\n1\t2\n", "\t"),
        ("\"x,y\";b\n\"1,2,3\";4\n", ";"), ("a;b,c;d\n1;2,3;4\n", ";"), ("single\nvalues\n", ","),
    ])
    func detectsTheDelimiter(text: String, delimiter: Character) {
        #expect(CSVReader.detectDelimiter(in: Array(text.utf8)) == delimiter.asciiValue)
    }

    @Test func trailingDelimiterAndFinalLineWithoutNewline() throws {
        let workbook = try CSVReader.read(data: Data("a,b,\n\"q\"".utf8), path: "t.csv")
        #expect(workbook.sheets[0].rows.map { $0.cells.map(\.value) } == [[.text("a"), .text("b")], [.text("q")]])
    }
}

@Suite struct CSVReaderRobustnessTests {
    /// Deterministic pseudo-random inputs over the bytes that matter to the state machine: every
    /// input must read or throw, and what reads must keep the workbook's ordering invariants.
    @Test func arbitraryBytesNeverTrapAndKeepInvariants() {
        let alphabet: [UInt8] = [0x22, 0x2C, 0x3B, 0x09, 0x0D, 0x0A, 0x61, 0x20, 0xFF, 0x00, 0xC3, 0xA9, 0xEF, 0xBB, 0xBF, 0xFE]
        var state: UInt64 = 42
        var readCount = 0
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 59) * 3 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 60)])
            }
            guard let workbook = try? CSVReader.read(data: Data(bytes), path: "fuzz.csv") else { continue }
            readCount += 1
            let rows = workbook.sheets[0].rows
            #expect(rows.map(\.number) == rows.map(\.number).sorted())
            #expect(Set(rows.map(\.number)).count == rows.count)
            for row in rows {
                #expect(!row.cells.isEmpty)
                #expect(row.cells.map(\.address.column) == row.cells.map(\.address.column).sorted())
                #expect(row.cells.allSatisfy { $0.address.row == row.number && $0.value != .text("") })
            }
        }
        #expect(readCount > 50)
    }
}
