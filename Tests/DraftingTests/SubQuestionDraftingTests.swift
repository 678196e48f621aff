import Testing
import KnowledgeBase
import ResponderModel
import TestSupport
@testable import Drafting

/// A sub-question whose ID extends an earlier question's ID and that names no subject of its own
/// ("Describe the other checks you perform:") is drafted with that question, as a follow-up.
@Suite struct SubQuestionDraftingTests {
    static let drafter = AnswerPrecisionTests.drafter

    static let parent = Question(id: "hr_bgcheck", sheet: "Security", row: 2, text: "Do you run background checks on new hires?")

    @Test(arguments: [
        ("hr_bgcheck_other_desc", ["iso27001:A.6.1", "soc2:CC1.4"]),
        ("hr_bgcheck.2", ["iso27001:A.6.1", "soc2:CC1.4"]),
        ("other_desc", []),
        ("hr_bgcheckother", []),
    ])
    func aSubQuestionWithNothingOfItsOwnIsReadWithTheQuestionItsIDExtends(id: String, expected: [String]) {
        let child = Question(id: id, sheet: "Security", row: 3, text: "Describe the other ones you perform:")
        let alone = Self.drafter.draft(child)
        #expect(alone.answer.flags.contains(.outOfScope) || alone.answer.flags.contains(.noMatch))
        let drafted = Self.drafter.draft([Self.parent, child])[1]
        let top = drafted.matches.first.map { "\($0.framework.rawValue):\($0.control)" }
        if expected.isEmpty {
            #expect(drafted.matches.isEmpty, "\(drafted.matches.map(\.control))")
        } else {
            #expect(top.map(expected.contains) == true, "\(top ?? "no match")")
            // What the sub-question itself asks ("the other ones") is not answered by the parent's statement.
            #expect(drafted.answer.confidence != .high)
        }
    }

    /// The parent is only a fallback: a sub-question that matches on its own keeps its own match.
    @Test func aSubQuestionThatMatchesOnItsOwnKeepsItsMatch() {
        let child = Question(id: "hr_bgcheck_mfa", sheet: "Security", row: 3, text: "Is multi-factor authentication enforced for administrators?")
        let alone = Self.drafter.draft(child)
        let drafted = Self.drafter.draft([Self.parent, child])[1]
        #expect(!alone.matches.isEmpty)
        #expect(drafted.matches.map(\.control) == alone.matches.map(\.control))
        #expect(drafted.answer.text == alone.answer.text)
    }

    @Test(arguments: [
        ("a_b_c", ["a_b", "a"]),
        ("A.1.2", ["A.1", "A"]),
        ("CO-01", ["CO"]),
        ("plain", []),
        ("_lead", []),
    ])
    func prefixesAreCutAtSeparatorsLongestFirst(id: String, expected: [String]) {
        #expect(Drafter.prefixes(of: id) == expected)
    }
}
