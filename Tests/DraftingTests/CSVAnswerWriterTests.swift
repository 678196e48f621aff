import Foundation
import Spreadsheet
import Testing
@testable import Drafting

@Suite struct CSVAnswerWriterTests {
    static let original = "Ref,Question,Answer\r\nQ-1,\"Do you; or not, \"\"really\"\"?\",\r\n\r\n=SUM(1)\r\n"

    static func render(_ original: String, _ answers: [(String, String)], delimiter: Character = ",") -> String {
        let answers = answers.map { (address: CellAddress($0.0)!, text: $0.1) }
        return String(decoding: CSVAnswerWriter.render(Data(original.utf8), answers: answers, delimiter: delimiter), as: UTF8.self)
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
        let lines = Self.render(Self.original, [("C2", answer)]).components(separatedBy: "\r\n")
        #expect(lines[1] == "Q-1,\"Do you; or not, \"\"really\"\"?\",\(field)", "\(name)")
    }

    /// The buyer's own fields, delimiters and line ends come back byte for byte; only answer fields change.
    @Test(arguments: [
        (
            "untouched records", "Ref,Question,Answer\r\nQ-1,\"Do you?\",\r\n\r\n=SUM(1)\r\n", [("C2", "Yes")],
            "Ref,Question,Answer\r\nQ-1,\"Do you?\",Yes\r\n\r\n=SUM(1)\r\n"
        ),
        (
            "a quoted CR in the buyer's cell", "Ref,Note,Answer\nQ-1,\"\r=1+1\",\n", [("C2", "Yes")],
            "Ref,Note,Answer\nQ-1,\"\r=1+1\",Yes\n"
        ),
        (
            "a quoted CRLF and LF in other records", "A,B\r\n\"x\r\ny\",\"p\nq\"\r\nQ,\r\n", [("B3", "No")],
            "A,B\r\n\"x\r\ny\",\"p\nq\"\r\nQ,No\r\n"
        ),
        ("lone CR line ends", "A,B\rQ-1,\r", [("B2", "Yes")], "A,B\rQ-1,Yes\r"),
        ("mixed line ends", "A,B\nQ-1,\r\nQ-2,\r", [("B3", "No")], "A,B\nQ-1,\r\nQ-2,No\r"),
        ("odd quoting kept", "A,B\n\"a\"\"b\"x , ,\n", [("B1", "Yes")], "A,Yes\n\"a\"\"b\"x , ,\n"),
        ("an answer beyond the record", "Q-1\nQ-2\n", [("C1", "Yes")], "Q-1,,Yes\nQ-2\n"),
        ("an answer below the last record", "Q-1,x", [("B3", "Yes")], "Q-1,x\r\n\r\n,Yes\r\n"),
        ("no final line end", "A,B\nQ-1,", [("B2", "Yes")], "A,B\nQ-1,Yes"),
    ])
    func otherFieldsComeBackByteForByte(name: String, original: String, answers: [(String, String)], expected: String) {
        #expect(Self.render(original, answers) == expected, "\(name)")
    }

    @Test func semicolonDelimiterAndByteOrderMarkAreKept() {
        let text = Self.render("\u{FEFF}" + Self.original.replacingOccurrences(of: ",", with: ";"), [("C2", "a;b")], delimiter: ";")
        #expect(text.hasPrefix("\u{FEFF}Ref;Question;Answer\r\n"))
        #expect(text.contains("\r\nQ-1;\"Do you; or not; \"\"really\"\"?\";\"a;b\"\r\n"))
    }

    @Test(arguments: [("a,b\n1,2\n", ","), ("a;b\n1;2\n", ";"), ("a\tb\n1\t2\n", "\t"), ("\u{FEFF}a;b\n1;2\n", ";"), ("ab\n", ",")])
    func delimiterIsTheReadersChoice(text: String, expected: Character) {
        #expect(CSVReader.delimiter(of: Data(text.utf8)) == expected)
    }

    /// The splitter numbers records as the reader numbers rows.
    @Test func recordsAreTheReadersRows() throws {
        let text = "A,B\r\n\"x\r\ny\",q\n\n\"p\"\"\",\rlast,row"
        let rows = try CSVReader.read(data: Data(text.utf8), path: "t.csv").sheets[0].rows
        let records = CSVRecordSplitter.records(in: Array(text.utf8), delimiter: UInt8(ascii: ","))
        #expect(records.count == rows.last?.number)
        for row in rows {
            let fields = records[row.number - 1].fields
            for cell in row.cells { #expect(cell.address.column <= fields.count) }
        }
    }
}
