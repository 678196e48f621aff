import Foundation
import Testing
import KnowledgeBase
import ResponderModel
import TestSupport
@testable import Drafting

/// The thesaurus's predicate groups as the matcher reads them: synonyms of one claim agree, a
/// different claim about the same nouns differs, and a text with no recognised predicate says
/// nothing either way.
@Suite struct PhraseGroupFinderTests {
    static let finder = PhraseGroupFinder(groups: SampleKnowledgeBase.content.thesaurus.predicates)

    struct Pair: CustomTestStringConvertible, Sendable {
        var question: String
        var wording: String
        var differ: Bool
        var testDescription: String { "\(question) / \(wording)" }
    }

    @Test(arguments: [
        // The same nouns, another claim.
        Pair(
            question: "Are live and staging environments kept apart?",
            wording: "Is production data copied into non-production environments?", differ: true),
        Pair(question: "Are backups encrypted?", wording: "Are backups tested every quarter?", differ: true),
        Pair(question: "Is personal data deleted when the contract ends?", wording: "How long do you retain personal data?", differ: true),
        // Synonyms of one claim.
        Pair(
            question: "Are live and staging environments kept apart?",
            wording: "Is the production environment segregated from development?", differ: false),
        Pair(question: "Are tenants isolated from each other?", wording: "Is tenant data kept separate?", differ: false),
        Pair(question: "Is data erased at the end of the contract?", wording: "Do you delete customer data on termination?", differ: false),
        // One shared claim is enough.
        Pair(question: "Are backups encrypted and tested?", wording: "Are backups tested every quarter?", differ: false),
        // No recognised predicate on one side.
        Pair(
            question: "Are live and staging environments kept apart?", wording: "Production data in test environments",
            differ: false),
        Pair(question: "Do you have a disaster recovery plan?", wording: "Is the disaster recovery plan tested yearly?", differ: false),
    ])
    func comparesClaims(pair: Pair) {
        let question = Self.finder.groups(in: pair.question)
        let wording = Self.finder.groups(in: pair.wording)
        #expect(PhraseGroupFinder.differ(question, wording) == pair.differ, "\(question) / \(wording)")
    }

    /// A word that mostly names a thing is no claim: "test environments" is not "tested".
    @Test(arguments: ["Is production data used in test environments?", "Which test data do you use?", "Production data in test environments"])
    func nounsAreNoPredicates(text: String) {
        #expect(Self.finder.groups(in: text).isEmpty)
    }

    /// A phrase is read before the words it starts with, and a reviewer reads the groups' names.
    @Test func phrasesAreReadWhole() {
        let apart = Self.finder.groups(in: "Are the two kept apart?")
        #expect(apart == Self.finder.groups(in: "Are the two segregated?"))
        #expect(Self.finder.describe(apart) == "kept separate")
        let finder = PhraseGroupFinder(groups: [["kept separate", "kept apart"], ["kept"]])
        #expect(finder.groups(in: "Kept apart, and kept.") == [0, 1])
        #expect(finder.groups(in: "Kept apart.") == [0])
    }
}
