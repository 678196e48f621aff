import Testing
@testable import Spreadsheet

@Suite("XMLText")
struct XMLTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
        ("\"quoted\" 'single'", "&quot;quoted&quot; &apos;single&apos;"),
        ("line 1\nline 2\tend", "line 1\nline 2\tend"),
        ("crlf\r\n", "crlf&#13;\n"),
        ("bell\u{7}nul\u{0}esc\u{1B}", "bellnulesc"),
        ("\u{FFFE}x\u{FFFF}", "x"),
        ("=SUM(A1)", "=SUM(A1)"),
        ("Größe ✓ 日本", "Größe ✓ 日本"),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(XMLText.escaped(input) == expected)
    }
}
