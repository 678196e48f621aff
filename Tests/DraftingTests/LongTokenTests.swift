import Foundation
import ResponderModel
import Testing
@testable import Drafting

/// One enormous word in a buyer's question costs work in proportion to its length: the typo
/// corrector builds no candidate for it and the stemmer leaves it whole (counts, not timings).
@Suite struct LongTokenTests {
    static let megabyte = String(repeating: "y", count: 1_000_000)

    @Test(arguments: [(5, true), (24, true), (25, false), (2_000, false), (1_000_000, false)])
    func correctionCandidatesAreBoundedByLength(length: Int, corrected: Bool) {
        let candidates = TextAnalyzer.correctionCandidates(String(repeating: "a", count: length)).count
        // Deletions, swaps and 25 substitutions per letter after the first two, 26 insertions per place after them.
        #expect(corrected ? candidates > 0 && candidates <= (length - 2) * 27 + (length - 1) * 26 : candidates == 0, "\(length) letters")
    }

    @Test(arguments: [
        ("assessments", "assess"),
        (String(repeating: "ab", count: 19) + "ing", String(repeating: "ab", count: 19) + "ing"),
        (String(repeating: "ab", count: 18) + "ing", String(repeating: "ab", count: 18)),
        (String(repeating: "y", count: 2_000), String(repeating: "y", count: 2_000)),
        (megabyte, megabyte),
    ])
    func stemmingIsCappedAtTheLongestWord(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem, "\(word.prefix(12))… (\(word.count) letters)")
    }

    /// The whole text path (analysis, references, subjects, intent, library and catalogue matching,
    /// composition) on a question holding a 1 MB token: it drafts, and the token stays one unstemmed term.
    @Test func aMegabyteTokenIsOneTermAndTheQuestionDrafts() {
        let analyzer = TextAnalyzer(thesaurus: Thesaurus(), vocabulary: ["encrypt", "customer", "data"])
        let terms = analyzer.analyze("Do you encrypt customer data \(Self.megabyte) at rest?")
        #expect(terms.words.count == 5 && terms.words.contains(Self.megabyte))
        #expect(TextAnalyzer.correctionCandidates(Self.megabyte).isEmpty)
        let drafted = DraftFlagTests.drafter.draft(
            Question(
                id: "Q", sheet: "AI", row: 2,
                text: "Do you have an AI policy \(Self.megabyte)?"))
        #expect(drafted.question.text.utf8.count > 1_000_000)
    }
}
