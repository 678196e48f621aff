import Testing
@testable import Spreadsheet

@Suite struct ExcelTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a_x000D_\nb", "a\nb"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("tab_x0009_here", "tab\there"),
        ("_x005F_x0041_", "_x0041_"),
        ("not_xZZZZ_escape", "not_xZZZZ_escape"),
        ("short_x00_", "short_x00_"),
    ])
    func decodesEscapesAndLineBreaks(raw: String, expected: String) {
        #expect(ExcelText.decode(raw) == expected)
    }
}
