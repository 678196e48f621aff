import Foundation
import Testing
import TestSupport
@testable import Spreadsheet

/// Attacks 12-15: CSV files with NUL bytes, invalid text, unclosed quotes and an oversized field,
/// read through ``SpreadsheetReader`` as the tool reads them.
@Suite struct CSVAttackTests {
    @Test(arguments: [
        ("nul.csv", true, 2, "NUL byte in the text (is this really a CSV file?)"),
        ("nul_in_quotes.csv", false, 3, "NUL byte in the text (is this really a CSV file?)"),
        ("invalid_utf8.csv", true, 3, "invalid UTF-8 text"),
        ("overlong_utf8.csv", false, 2, "invalid UTF-8 text"),
        ("surrogate_utf8.csv", false, 4, "invalid UTF-8 text"),
        ("truncated_utf8.csv", false, 2, "invalid UTF-8 text"),
        ("utf16_lone_surrogate.csv", false, 2, "invalid UTF-16 text"),
        ("unclosed_quote.csv", true, 4, "a quoted field starting on this line is never closed"),
        ("unclosed_quote_at_end.csv", false, 3, "a quoted field starting on this line is never closed"),
    ])
    func malformedTextNamesTheLine(name: String, fromBaseFixtures: Bool, line: Int, message: String) {
        let path = fromBaseFixtures ? AttackHarness.baseFixture(name) : AttackHarness.fixture(name)
        let outcome = AttackHarness.expectRefused(path, .malformed, at: "\(path):\(line)", message)
        #expect(outcome.error?.message == message)
    }

    /// A single 100 MB field, quoted or not, stops at the 16 MiB field cap on the line it starts.
    @Test(arguments: [true, false])
    func hundredMegabyteFieldHitsTheFieldCap(quoted: Bool) throws {
        let scratch = try ScratchFolder("AttackTests")
        let url = scratch.url.appendingPathComponent("huge_field.csv")
        var data = Data("ID,Question\n1,".utf8)
        if quoted { data.append(UInt8(ascii: "\"")) }
        data.append(Data(repeating: UInt8(ascii: "A"), count: 100_000_000))
        data.append(contentsOf: Array((quoted ? "\"\n" : "\n").utf8))
        try data.write(to: url)
        data = Data()
        AttackHarness.expectRefused(url.path, .limitExceeded, at: "\(url.path):2", "a field is longer than 16777216 bytes")
    }

    /// Attack 17: fields a writer could silently rewrite (a quoted CR before a formula, CRLF and lone
    /// CR inside quotes, doubled quotes, stray text after a closing quote, mixed line ends, a
    /// delimiter at the very end). The export splits the buyer's file with ``CSVRecordSplitter``:
    /// its ranges must cover every byte exactly once and cut records where the reader cuts rows.
    @Test(arguments: [
        "Ref,Note,Answer\nQ-1,\"\r=1+1\",\n",
        "A,B\r\n\"x\r\ny\",\"p\rq\"\r\nQ,\r",
        "\"a\"\"b\"x , ,\n\n\n\"\"\"\",",
        "A;B\rQ-1;\n\"=HYPERLINK(\"\"http://x\"\")\";@SUM(1)\r\n",
    ])
    func splittingForExportKeepsEveryByte(text: String) throws {
        let bytes = Array(text.utf8)
        let delimiter = CSVReader.detectDelimiter(in: bytes)
        let records = CSVRecordSplitter.records(in: bytes, delimiter: delimiter)
        var rebuilt: [UInt8] = []
        for record in records {
            for (index, field) in record.fields.enumerated() {
                if index > 0 { rebuilt.append(delimiter) }
                rebuilt += bytes[field]
            }
            rebuilt += bytes[record.lineEnd]
        }
        #expect(rebuilt == bytes)
        let rows = try CSVReader.read(data: Data(bytes), path: "probe.csv").sheets[0].rows
        #expect(records.count >= (rows.last?.number ?? 0))
        for row in rows {
            for cell in row.cells {
                let field = records[row.number - 1].fields[cell.address.column - 1]
                #expect(Self.readAsTheReaderDoes(String(decoding: bytes[field], as: UTF8.self)) == cell.value.displayText)
            }
        }
    }

    /// A raw field's text as the reader reports it: quotes removed, doubled quotes single, line
    /// breaks inside quotes as LF.
    static func readAsTheReaderDoes(_ raw: String) -> String {
        guard raw.hasPrefix("\"") else { return raw }
        var out = ""
        var rest = raw.dropFirst().unicodeScalars[...]
        while let scalar = rest.popFirst() {
            if scalar == "\"" {
                if rest.first == "\"" { rest.removeFirst(); out += "\"" } else { break }
            } else if scalar == "\r" {
                if rest.first == "\n" { rest.removeFirst() }
                out += "\n"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        out.unicodeScalars.append(contentsOf: rest)
        return out
    }
}
