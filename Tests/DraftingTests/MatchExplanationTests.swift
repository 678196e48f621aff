import Foundation
import Testing
import KnowledgeBase
import ResponderModel
import TestSupport
@testable import Drafting

/// The "why" of a match names the question's own words as written and the fields they matched,
/// never the stems the index works with, and a synonym only when it carried the match.
@Suite struct MatchExplanationTests {
    static let content = SampleKnowledgeBase.content

    static let matcher = QuestionMatcher(content: content)

    struct Case: Sendable, CustomTestStringConvertible {
        var question: String
        /// Words of the question the top match's why must quote as written.
        var written: [String]
        var testDescription: String { question }
    }

    @Test(arguments: [
        Case(question: "How do you ensure the reliability of machine learning models in production?", written: ["reliability", "machine"]),
        Case(question: "Describe your artificial intelligence governance policies.", written: ["artificial", "policies"]),
        Case(question: "Do you keep an inventory of AI systems?", written: ["inventory"]),
    ])
    func whyQuotesTheQuestionsWordsNotStems(_ test: Case) throws {
        let top = try #require(Self.matcher.match(test.question).matches.first)
        for stem in ["machin", "artifici", "reliabl", "polici", "inventori", "\"reli\""] {
            #expect(!top.why.contains("\"\(stem)\"") && !top.why.contains(" \(stem) ("), "stem \(stem) in: \(top.why)")
        }
        let quoted = test.written.filter { top.why.contains("\"\($0)\" (") }
        #expect(!quoted.isEmpty, "none of \(test.written) quoted in: \(top.why)")
    }

    @Test func writtenWordsMapTermsBackToTheQuestionsSpelling() {
        let analyzer = TextAnalyzer(thesaurus: Self.content.thesaurus, vocabulary: [])
        let written = analyzer.writtenWords("Machine-learning Reliability of AI")
        for term in analyzer.analyze("Machine-learning Reliability of AI").words {
            #expect(written[term] != nil, "\(term) has no written word")
        }
        #expect(analyzer.analyze("machine").words.first.flatMap { written[$0] } == "Machine")
        #expect(analyzer.analyze("reliability").words.first.flatMap { written[$0] } == "Reliability")
    }

    @Test func aSynonymIsNamedOnlyWhenItCarriesTheMatch() throws {
        let entry = try #require(Self.content.catalogue.first)
        func ranking(_ hits: [ControlIndex.TermHit]) -> ControlIndex.Ranking {
            ControlIndex.Ranking(entry: entry, score: 1, lexical: 1, exampleSimilarity: 0, closestExample: nil, hits: hits)
        }
        let minor = ranking([
            ControlIndex.TermHit(term: "inventori", fields: [.title], contribution: 9),
            ControlIndex.TermHit(term: "~asset_register", fields: [.keywords], contribution: 1),
        ])
        #expect(QuestionMatcher.explain(minor, written: ["inventori": "inventory"], notes: []) == "matched \"inventory\" (title)")
        let decisive = ranking([
            ControlIndex.TermHit(term: "~asset_register", fields: [.keywords], contribution: 6),
            ControlIndex.TermHit(term: "inventori", fields: [.title], contribution: 4),
        ])
        #expect(
            QuestionMatcher.explain(decisive, written: ["inventori": "inventory"], notes: [])
                == "matched synonym asset register (keywords), \"inventory\" (title)")
    }
}
