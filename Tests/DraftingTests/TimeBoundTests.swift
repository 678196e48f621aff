import Testing
@testable import Drafting

/// Times a question bounds and the times an answer states, read as durations: a stated time
/// settles a bound when it is the same duration or inside it.
@Suite struct TimeBoundTests {
    @Test(arguments: [
        ("Are customers notified within 24 hours?", "We notify customers within 72 hours.", false),
        ("Are customers notified within 72 hours?", "We notify customers within 48 hours.", true),
        ("Are logs kept for at least 12 months?", "Logs are retained for 13 months.", true),
        ("Are logs kept for at least seven years?", "Logs are retained for 13 months.", false),
        ("Is the recovery time four hours or less?", "The recovery time objective is 8 hours.", false),
        ("Are keys rotated at least every 90 days?", "Keys are rotated every 30 days.", true),
        ("Are keys rotated at least every 90 days?", "Keys are rotated every 365 days.", false),
        ("Do you give 30 days' notice of new subprocessors?", "New subprocessors are announced 30 days ahead.", true),
        ("Is a one-year warranty offered?", "The warranty runs for 12 months.", true),
        ("Are incidents reported within 24 hours?", "Incidents are reported promptly.", false),
    ])
    func anAnswerMeetsTheBoundItStates(question: String, answer: String, met: Bool) throws {
        let asked = try #require(TimeBound.find(in: question).first)
        let stated = TimeBound.find(in: answer)
        #expect(stated.contains(where: asked.isMet) == met, "\(asked) / \(stated)")
    }

    @Test func numbersWithoutAUnitOfTimeAreNotTimes() {
        #expect(TimeBound.find(in: "Is TLS 1.2 enforced on all 3 public endpoints?").isEmpty)
    }
}
