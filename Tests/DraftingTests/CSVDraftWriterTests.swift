import Testing
@testable import Drafting

@Suite struct CSVDraftWriterTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("plain, with comma", "\"plain, with comma\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("safe", "safe"),
    ])
    func neutralisesFormulasAndQuotes(value: String, expected: String) {
        #expect(CSVDraftWriter.field(value) == expected)
    }
}
