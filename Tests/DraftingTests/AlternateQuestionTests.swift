import Foundation
import Testing
import KnowledgeBase
import ResponderModel
import TestSupport
@testable import Drafting

/// A library answer's alternate questions: a buyer's wording close to one of them reuses the
/// approved answer as one close to its question does, no more confidently, and a single shared
/// generic word does not.
@Suite struct AlternateQuestionTests {
    static let content = SampleKnowledgeBase.content
    static let drafter = Drafter(content: content, asOf: "2026-11-23")

    static func draft(_ text: String, drafter: Drafter = drafter) -> DraftAnswer {
        drafter.draft(Question(id: "Q", sheet: "Questions", row: 2, text: text)).answer
    }

    /// A buyer's wording, the library answer that answers it and the choice it must carry (nil for
    /// describe and list questions, which get none).
    struct Paraphrase: CustomTestStringConvertible, Sendable {
        var text: String
        var library: String
        var choice: String?
        var testDescription: String { text }
    }

    /// Wordings far from each answer's own question but close to one of its alternates.
    static let paraphrases: [Paraphrase] = [
        Paraphrase(text: "Which hosting regions hold our data?", library: "LIB-028", choice: nil),
        Paraphrase(text: "Are client-initiated pen tests permitted?", library: "LIB-059", choice: "Yes"),
        Paraphrase(text: "Is BYOK offered to customers?", library: "LIB-050", choice: "No"),
        Paraphrase(text: "Is live customer data used for testing?", library: "LIB-063", choice: "No"),
        Paraphrase(text: "Do you keep a tested DR plan?", library: "LIB-034", choice: "Yes"),
    ]

    @Test(arguments: paraphrases)
    func aWordingCloseToAnAlternateReusesTheAnswer(paraphrase: Paraphrase) throws {
        let entry = try #require(Self.content.library.first { $0.id == paraphrase.library })
        let answer = Self.draft(paraphrase.text)
        #expect(answer.source == AnswerSource(kind: .library, id: entry.id), "\(answer.source?.id ?? "-"): \(answer.text)")
        #expect(answer.choice == paraphrase.choice)
        #expect(answer.text == entry.answer)
        #expect(answer.flags.contains(.libraryReuse))
        // The reviewer sees which wording it was reused for.
        let matched = try #require(entry.alternateQuestions.first { answer.provenance?.contains("to \"\($0)\"") == true })
        #expect(!matched.isEmpty)
    }

    /// Without its alternates the same wordings do not reach the answer: the alternates are what finds it.
    @Test(arguments: paraphrases)
    func withoutAlternatesTheWordingMissesTheAnswer(paraphrase: Paraphrase) {
        var content = Self.content
        content.library = content.library.map { answer in
            var answer = answer
            answer.alternateQuestions = []
            return answer
        }
        let answer = Self.draft(paraphrase.text, drafter: Drafter(content: content, asOf: "2026-11-23"))
        #expect(answer.source != AnswerSource(kind: .library, id: paraphrase.library) || answer.confidence == .low)
    }

    /// An alternate is as good as the question and no better: with an answer's question and an
    /// alternate swapped, every wording drafts the same choice, confidence, score and signals.
    @Test(arguments: paraphrases)
    func anAlternateCountsExactlyAsTheQuestion(paraphrase: Paraphrase) throws {
        var swapped = Self.content
        let index = try #require(swapped.library.firstIndex { $0.id == paraphrase.library })
        let entry = swapped.library[index]
        swapped.library[index].question = entry.alternateQuestions[0]
        swapped.library[index].alternateQuestions[0] = entry.question
        let other = Drafter(content: swapped, asOf: "2026-11-23")
        for text in [paraphrase.text, entry.question, entry.alternateQuestions[0]] {
            let original = Self.draft(text)
            let roles = Self.draft(text, drafter: other)
            #expect(roles.source == original.source, "\(text)")
            #expect(roles.choice == original.choice, "\(text)")
            #expect(roles.confidence == original.confidence, "\(text)")
            #expect(roles.score == original.score, "\(text)")
            #expect(roles.signals == original.signals, "\(text)")
        }
    }

    /// A question that shares one generic word with an alternate ("support", "endpoint", "policy",
    /// "opt out") asks about something else and must not get that answer.
    @Test(arguments: [
        ("What support hours does your help desk offer?", "LIB-025"),
        ("Which API endpoint returns our invoices?", "LIB-075"),
        ("What is your refund policy for annual plans?", "LIB-074"),
        ("Can we opt out of marketing emails?", "LIB-044"),
        ("What data loss did customers suffer in your last outage?", "LIB-077"),
    ])
    func oneSharedGenericWordDoesNotReuse(text: String, library: String) {
        let answer = Self.draft(text)
        #expect(answer.source?.id.hasPrefix(library) != true, "\(answer.source?.id ?? "-"): \(answer.text)")
    }
}
