import Foundation
import Spreadsheet
import Testing
@testable import Drafting

@Suite struct CSVAnswerWriterTests {
    static let sheet = Sheet(name: "q", index: 0, rows: [
        SheetRow(number: 1, cells: [Self.cell("A1", "Ref"), Self.cell("B1", "Question"), Self.cell("C1", "Answer")]),
        SheetRow(number: 2, cells: [Self.cell("A2", "Q-1"), Self.cell("B2", "Do you; or not, \"really\"?")]),
        SheetRow(number: 4, cells: [Self.cell("A4", "=SUM(1)")]),
    ])

    static func cell(_ reference: String, _ text: String) -> Cell {
        Cell(address: CellAddress(reference)!, value: .text(text))
    }

    static func render(_ answer: String, delimiter: Character = ",", byteOrderMark: Bool = false) -> String {
        String(decoding: CSVAnswerWriter.render(sheet, answers: [(CellAddress("C2")!, answer)], delimiter: delimiter,
                                                byteOrderMark: byteOrderMark), as: UTF8.self)
    }

    @Test(arguments: [
        ("plain", "Yes", "Yes"),
        ("formula", "=1+1", "'=1+1"),
        ("plus", "+44", "'+44"),
        ("minus", "-1", "'-1"),
        ("at", "@ops", "'@ops"),
        ("tab", "\tx", "'\tx"),
        ("carriage return", "\rx", "\"'\rx\""),
        ("quote and comma", "a, \"b\"", "\"a, \"\"b\"\"\""),
    ])
    func answersAreNeutralisedAndQuoted(name: String, answer: String, field: String) {
        let lines = Self.render(answer).components(separatedBy: "\r\n")
        #expect(lines[1] == "Q-1,\"Do you; or not, \"\"really\"\"?\",\(field)", "\(name)")
    }

    @Test func everyRecordKeepsItsPlaceAndWidth() {
        let text = Self.render("Yes")
        #expect(text == "Ref,Question,Answer\r\nQ-1,\"Do you; or not, \"\"really\"\"?\",Yes\r\n,,\r\n=SUM(1),,\r\n",
                "the buyer's own fields are written as they were; an empty record stays empty")
    }

    @Test func semicolonDelimiterAndByteOrderMarkAreKept() {
        let text = Self.render("a;b", delimiter: ";", byteOrderMark: true)
        #expect(text.hasPrefix("\u{FEFF}Ref;Question;Answer\r\n"))
        #expect(text.contains("\r\nQ-1;\"Do you; or not, \"\"really\"\"?\";\"a;b\"\r\n"))
    }

    @Test(arguments: [("a,b\n1,2\n", ","), ("a;b\n1;2\n", ";"), ("a\tb\n1\t2\n", "\t"), ("\u{FEFF}a;b\n1;2\n", ";"), ("ab\n", ",")])
    func delimiterIsTheReadersChoice(text: String, expected: Character) {
        #expect(CSVReader.delimiter(of: Data(text.utf8)) == expected)
    }
}
