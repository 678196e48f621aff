import Testing
@testable import Drafting

/// Times a question bounds and the times an answer states, read as durations: a stated time
/// settles a bound when it is the same duration or inside it.
@Suite struct TimeBoundTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var question: String
        var answer: String
        var met: Bool
        var testDescription: String { "\(question) / \(answer)" }
    }

    @Test(arguments: [
        Case(question: "Are customers notified within 24 hours?", answer: "We notify customers within 72 hours.", met: false),
        Case(question: "Are customers notified within 72 hours?", answer: "We notify customers within 48 hours.", met: true),
        Case(question: "Are logs kept for at least 12 months?", answer: "Logs are retained for 13 months.", met: true),
        Case(question: "Are logs kept for at least seven years?", answer: "Logs are retained for 13 months.", met: false),
        Case(question: "Is the recovery time four hours or less?", answer: "The recovery time objective is 8 hours.", met: false),
        Case(question: "Are keys rotated at least every 90 days?", answer: "Keys are rotated every 30 days.", met: true),
        Case(question: "Are keys rotated at least every 90 days?", answer: "Keys are rotated every 365 days.", met: false),
        Case(question: "Do you give 30 days' notice of new subprocessors?", answer: "New subprocessors are announced 30 days ahead.", met: true),
        Case(question: "Is a one-year warranty offered?", answer: "The warranty runs for 12 months.", met: true),
        Case(question: "Are incidents reported within 24 hours?", answer: "Incidents are reported promptly.", met: false),
    ])
    func anAnswerMeetsTheBoundItStates(_ example: Case) throws {
        let asked = try #require(TimeBound.find(in: example.question).first)
        let stated = TimeBound.find(in: example.answer)
        #expect(stated.contains(where: asked.isMet) == example.met, "\(asked) / \(stated)")
    }

    @Test func numbersWithoutAUnitOfTimeAreNotTimes() {
        #expect(TimeBound.find(in: "Is TLS 1.2 enforced on all 3 public endpoints?").isEmpty)
    }
}
