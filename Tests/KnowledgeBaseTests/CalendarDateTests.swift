import Testing
@testable import KnowledgeBase

@Suite struct CalendarDateTests {
    @Test(arguments: ["2024-02-29", "2026-12-31", "2000-02-29"])
    func acceptsRealDates(text: String) {
        #expect(CalendarDate(text)?.description == text)
    }

    @Test(arguments: ["2026-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-4-1", "26-04-01", "2026/04/01", "2026-04-00", ""])
    func rejectsOtherText(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func ordersByDay() {
        #expect(CalendarDate("2026-01-31")! < CalendarDate("2026-02-01")!)
    }
}
