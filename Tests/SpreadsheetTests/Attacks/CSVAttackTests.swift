import Foundation
import Testing
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
    /// Reading the file and counting its line ends still touch all 100 MB: 2-6 s in a debug build
    /// on a busy 2-core machine, hence a wider bound than the other attacks.
    @Test(arguments: [true, false])
    func hundredMegabyteFieldHitsTheFieldCap(quoted: Bool) throws {
        let url = try AttackHarness.temporaryDirectory().appendingPathComponent("huge_field.csv")
        var data = Data("ID,Question\n1,".utf8)
        if quoted { data.append(UInt8(ascii: "\"")) }
        data.append(Data(repeating: UInt8(ascii: "A"), count: 100_000_000))
        data.append(contentsOf: Array((quoted ? "\"\n" : "\n").utf8))
        try data.write(to: url)
        data = Data()
        AttackHarness.expectRefused(url.path, .limitExceeded, at: "\(url.path):2", "a field is longer than 16777216 bytes",
                                    within: .seconds(15))
    }
}
