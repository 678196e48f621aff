import Foundation
import ResponderModel

/// Picks the facet of a Statement of Applicability line that fits a question (the closest of its
/// example questions, with its multi-word keywords counting when the question names them whole),
/// and measures how much of what the question asks an answer source covers.
package struct FacetMatcher: Sendable {
    /// A facet and how well the question fits it.
    package struct Fit: Sendable {
        package var facet: AnswerFacet
        /// Cosine similarity to the facet's closest example, plus ``keywordBonus`` when the question
        /// names one of the facet's keywords whole (0...1.25).
        package var similarity: Double
        package var namedKeyword: Bool
        /// The analysed terms of everything the facet says (examples, keywords, aspect, statement):
        /// what its answer speaks to.
        package var sourceTerms: Set<String>
        /// The facet's example (or aspect) closest to the question.
        package var matchedExample: String = ""
        /// The predicate groups that example names (``PhraseGroupFinder``).
        package var matchedPredicates: Set<Int> = []

        /// Whether the closest example asserts something else of the nouns it shares with a
        /// question naming `predicates` ("copied into" where the question asks "kept separate").
        package func makesAnotherClaim(than predicates: Set<Int>) -> Bool {
            PhraseGroupFinder.differ(predicates, matchedPredicates)
        }
    }

    /// At or above this fit a facet answers the question (measured on the answer set's dev split).
    package static let fitThreshold = 0.42
    /// At or above this fit a facet's control answers the question even when another entry ranked
    /// first: the facet's own example questions say what it answers.
    package static let strongFit = 0.6
    /// Added to a facet's similarity when the question names one of its keywords whole.
    package static let keywordBonus = 0.25

    private struct Prepared: Sendable {
        var facet: AnswerFacet
        /// Each example (and the aspect) as a unit vector of (term ID, weight).
        var examples: [[(term: Int, weight: Double)]]
        /// Each example (and the aspect) as written, and the predicate groups it names (none for the aspect).
        var exampleTexts: [String]
        var examplePredicates: [Set<Int>]
        var keywords: [[String]]
        var sourceTerms: Set<String>
    }

    private let analyzer: TextAnalyzer
    private let weight: @Sendable (String) -> Double
    private let facets: [ControlRef: [Prepared]]
    /// The controls with facets, in ref order, so the best fit over all of them is deterministic.
    private let facetRefs: [ControlRef]
    /// Library answers' facets, by library answer ID.
    private let libraryFacets: [String: [Prepared]]
    /// Every term of any facet's examples, to its ID: a question's vector is looked up densely by ID
    /// instead of hashing every example term for every facet and question.
    private let termIDs: [String: Int]

    /// - Parameter weight: a term's weight (its rarity in the catalogue; unknown terms weigh most).
    package init(
        applicability: [ApplicabilityEntry], library: [LibraryAnswer] = [], analyzer: TextAnalyzer,
        predicates: PhraseGroupFinder, weight: @escaping @Sendable (String) -> Double
    ) {
        self.analyzer = analyzer
        self.weight = weight
        var termIDs: [String: Int] = [:]
        func prepare(_ facet: AnswerFacet) -> Prepared {
            let texts = facet.examples + [facet.aspect]
            let examples = texts.map { text in
                UnitVector.of(analyzer.analyze(text), weight: weight)
                    .map { term, value in
                        let id =
                            termIDs[term]
                            ?? {
                                termIDs[term] = termIDs.count; return termIDs.count - 1
                            }()
                        return (term: id, weight: value)
                    }
                    .sorted { $0.term < $1.term }
            }
            let spoken = (facet.examples + facet.keywords + [facet.aspect, facet.statement]).flatMap { analyzer.analyze($0).all }
            return Prepared(
                facet: facet, examples: examples, exampleTexts: texts,
                // The aspect describes the facet rather than asking anything: it asserts no claim.
                examplePredicates: facet.examples.map(predicates.groups(in:)) + [[]],
                keywords: facet.keywords.map { analyzer.analyze($0).words }.filter { !$0.isEmpty },
                sourceTerms: Set(spoken))
        }
        var facets: [ControlRef: [Prepared]] = [:]
        for entry in applicability where !entry.facets.isEmpty && facets[entry.ref] == nil {
            facets[entry.ref] = entry.facets.map(prepare)
        }
        self.facets = facets
        facetRefs = facets.keys.sorted()
        var libraryFacets: [String: [Prepared]] = [:]
        for answer in library where !answer.facets.isEmpty && libraryFacets[answer.id] == nil {
            libraryFacets[answer.id] = answer.facets.map(prepare)
        }
        self.libraryFacets = libraryFacets
        self.termIDs = termIDs
    }

    /// Whether the control's Statement of Applicability line is split into facets.
    package func hasFacets(_ ref: ControlRef) -> Bool { facets[ref] != nil }

    /// The control's facets that apply under `scope` (those about no particular system, or about
    /// it), best fit first.
    package func fits(_ terms: TextAnalyzer.Terms, for ref: ControlRef, scope: String?) -> [Fit] {
        guard let prepared = facets[ref] else { return [] }
        return fits(Query(terms, self), among: prepared, scope: scope)
    }

    /// The library answer's facets that apply under `scope`, best fit first.
    package func fits(_ terms: TextAnalyzer.Terms, forLibrary id: String, scope: String?) -> [Fit] {
        guard let prepared = libraryFacets[id] else { return [] }
        return fits(Query(terms, self), among: prepared, scope: scope)
    }

    /// A question as the facets see it: its unit vector, dense by facet term ID, and its words.
    private struct Query {
        var vector: [Double]
        var words: Set<String>

        init(_ terms: TextAnalyzer.Terms, _ matcher: FacetMatcher) {
            vector = [Double](repeating: 0, count: matcher.termIDs.count)
            for (term, value) in UnitVector.of(terms, weight: matcher.weight) {
                if let id = matcher.termIDs[term] { vector[id] = value }
            }
            words = Set(terms.words)
        }
    }

    private func fits(_ query: Query, among prepared: [Prepared], scope: String?) -> [Fit] {
        prepared.compactMap { item -> Fit? in
            if let scope, !item.facet.systems.isEmpty, !item.facet.systems.contains(scope) { return nil }
            var best = 0.0
            var closest = 0
            for (position, example) in item.examples.enumerated() {
                var dot = 0.0
                for component in example { dot += component.weight * query.vector[component.term] }
                if dot > best { (best, closest) = (dot, position) }
            }
            let named = item.keywords.contains { $0.allSatisfy(query.words.contains) }
            return Fit(
                facet: item.facet, similarity: best + (named ? FacetMatcher.keywordBonus : 0), namedKeyword: named,
                sourceTerms: item.sourceTerms, matchedExample: item.exampleTexts[closest],
                matchedPredicates: item.examplePredicates[closest])
        }
        .sorted { ($0.similarity, $1.facet.id) > ($1.similarity, $0.facet.id) }
    }

    /// The best-fitting facet of any control, with its control.
    package func best(_ terms: TextAnalyzer.Terms) -> (ref: ControlRef, fit: Fit)? {
        let query = Query(terms, self)
        var best: (ref: ControlRef, fit: Fit)?
        for ref in facetRefs {
            guard let fit = fits(query, among: facets[ref] ?? [], scope: nil).first else { continue }
            if fit.similarity > (best?.fit.similarity ?? 0) { best = (ref, fit) }
        }
        return best
    }

    /// The share of the question's term weight that `source` (an answer's text: facet, statement,
    /// catalogue entry) contains: how much of what is asked the source speaks to.
    package func coverage(of terms: TextAnalyzer.Terms, by source: Set<String>) -> Double {
        var total = 0.0
        var covered = 0.0
        // Sorted: a set's order changes from run to run, and so would the sum's last bits.
        for term in Set(terms.all).sorted() {
            let value = weight(term)
            total += value
            if source.contains(term) { covered += value }
        }
        return total > 0 ? covered / total : 0
    }

    /// The analysed terms of texts, as a set.
    package func terms(of texts: [String]) -> Set<String> { Set(texts.flatMap { analyzer.analyze($0).all }) }
}
