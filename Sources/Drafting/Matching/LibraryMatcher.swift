import Foundation
import ResponderModel

/// Finds approved library answers to near-duplicates of a question (cosine similarity of
/// tf-idf weighted terms, synonyms folded to concepts).
package struct LibraryMatcher: Sendable {
    /// A library answer and how close its question is to the one asked (0...1).
    package struct Hit: Sendable {
        package var answer: LibraryAnswer
        /// The similarity of the answer's closest wording: its question, an alternate question or a
        /// facet's example, each counting alike.
        package var similarity: Double
        /// That closest wording, so a reviewer sees why the answer was reused.
        package var matchedQuestion: String
        /// The predicate groups that wording names (``PhraseGroupFinder``).
        package var matchedPredicates: Set<Int> = []

        /// Whether the matched wording asserts something else of the nouns it shares with a
        /// question naming `predicates` ("copied into" where the question asks "kept separate").
        package func makesAnotherClaim(than predicates: Set<Int>) -> Bool {
            PhraseGroupFinder.differ(predicates, matchedPredicates)
        }
    }

    /// At or above this similarity, a library answer is reused as the draft.
    package static let reuseThreshold = 0.78
    /// At or above this similarity, a library answer is reused when it is closer to the question
    /// than any catalogue example is.
    package static let preferredThreshold = 0.55
    /// At or above this similarity, a library answer is shown as related and lends its controls.
    package static let relatedThreshold = 0.5
    /// At or above this similarity, a library answer is a candidate whose text may cover the question.
    package static let candidateThreshold = 0.35

    /// Each answer with its wordings (its question, alternate questions and facets' example
    /// questions) and their unit vectors, as (term ID, weight), in the same order.
    private let entries: [(answer: LibraryAnswer, wordings: [String], vectors: [[(term: Int, weight: Double)]], predicates: [Set<Int>])]
    private let inverseFrequency: [String: Double]
    /// Every term of a library question to its ID: a question's vector is looked up densely by ID.
    private let termIDs: [String: Int]

    package init(library: [LibraryAnswer], analyzer: TextAnalyzer, predicates: PhraseGroupFinder, background: [TextAnalyzer.Terms]) {
        let wordings = library.map { [$0.question] + $0.alternateQuestions + $0.facets.flatMap(\.examples) }
        let libraryTerms = wordings.map { $0.map { analyzer.analyze($0) } }
        // Term rarity comes from the library answers and the catalogue text together, so common
        // governance words weigh less than the distinctive ones. An answer's wordings are one
        // document: its alternates must not make its own distinctive terms look common.
        let documents = libraryTerms.map { Array(Set($0.flatMap(\.all))) } + background.map(\.all)
        var frequency: [String: Int] = [:]
        for terms in documents { for term in Set(terms) { frequency[term, default: 0] += 1 } }
        let count = Double(max(documents.count, 1))
        let inverseFrequency = frequency.mapValues { log((count + 1) / (Double($0) + 0.5)) }
        self.inverseFrequency = inverseFrequency
        var termIDs: [String: Int] = [:]
        entries = zip(library, zip(wordings, libraryTerms)).map { answer, texts in
            let (wordings, questions) = texts
            return (
                answer,
                wordings,
                questions.map { terms in
                    UnitVector.of(terms) { inverseFrequency[$0] ?? log(2.0) }
                        .map { term, weight in
                            let id =
                                termIDs[term]
                                ?? {
                                    termIDs[term] = termIDs.count; return termIDs.count - 1
                                }()
                            return (term: id, weight: weight)
                        }
                        .sorted { $0.term < $1.term }
                },
                wordings.map(predicates.groups(in:))
            )
        }
        self.termIDs = termIDs
    }

    /// Library answers at least `candidateThreshold` similar, closest first.
    package func hits(for terms: TextAnalyzer.Terms) -> [Hit] {
        let query = UnitVector.of(terms) { inverseFrequency[$0] ?? log(2.0) }
        guard !query.isEmpty else { return [] }
        var dense = [Double](repeating: 0, count: termIDs.count)
        for (term, weight) in query { if let id = termIDs[term] { dense[id] = weight } }
        var hits: [Hit] = []
        for entry in entries {
            var best = 0.0
            var closest = 0
            for (position, vector) in entry.vectors.enumerated() {
                var similarity = 0.0
                for component in vector { similarity += component.weight * dense[component.term] }
                if similarity > best { (best, closest) = (similarity, position) }
            }
            if best >= LibraryMatcher.candidateThreshold {
                hits.append(
                    Hit(
                        answer: entry.answer, similarity: best, matchedQuestion: entry.wordings[closest],
                        matchedPredicates: entry.predicates[closest]))
            }
        }
        return hits.sorted { ($0.similarity, $1.answer.id) > ($1.similarity, $0.answer.id) }
    }
}
