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
        var examples: [[String: Double]]
        var keywords: [[String]]
    }

    private let analyzer: TextAnalyzer
    private let weight: @Sendable (String) -> Double
    private let facets: [ControlRef: [Prepared]]
    /// Library answers' facets, by library answer ID.
    private let libraryFacets: [String: [Prepared]]

    /// - Parameter weight: a term's weight (its rarity in the catalogue; unknown terms weigh most).
    package init(applicability: [ApplicabilityEntry], library: [LibraryAnswer] = [], analyzer: TextAnalyzer,
                 weight: @escaping @Sendable (String) -> Double) {
        self.analyzer = analyzer
        self.weight = weight
        func prepare(_ facet: AnswerFacet) -> Prepared {
            Prepared(facet: facet,
                     examples: (facet.examples + [facet.aspect]).map { FacetMatcher.vector(analyzer.analyze($0).all, weight) },
                     keywords: facet.keywords.map { analyzer.analyze($0).words }.filter { !$0.isEmpty })
        }
        var facets: [ControlRef: [Prepared]] = [:]
        for entry in applicability where !entry.facets.isEmpty && facets[entry.ref] == nil {
            facets[entry.ref] = entry.facets.map(prepare)
        }
        self.facets = facets
        var libraryFacets: [String: [Prepared]] = [:]
        for answer in library where !answer.facets.isEmpty && libraryFacets[answer.id] == nil {
            libraryFacets[answer.id] = answer.facets.map(prepare)
        }
        self.libraryFacets = libraryFacets
    }

    /// Whether the control's Statement of Applicability line is split into facets.
    package func hasFacets(_ ref: ControlRef) -> Bool { facets[ref] != nil }

    /// The control's facets that apply under `scope` (those about no particular system, or about
    /// it), best fit first.
    package func fits(_ terms: TextAnalyzer.Terms, for ref: ControlRef, scope: String?) -> [Fit] {
        fits(terms, among: facets[ref] ?? [], scope: scope)
    }

    /// The library answer's facets that apply under `scope`, best fit first.
    package func fits(_ terms: TextAnalyzer.Terms, forLibrary id: String, scope: String?) -> [Fit] {
        fits(terms, among: libraryFacets[id] ?? [], scope: scope)
    }

    private func fits(_ terms: TextAnalyzer.Terms, among prepared: [Prepared], scope: String?) -> [Fit] {
        guard !prepared.isEmpty else { return [] }
        let query = FacetMatcher.vector(terms.all, weight)
        let words = Set(terms.words)
        return prepared.compactMap { item -> Fit? in
            if let scope, !item.facet.systems.isEmpty, !item.facet.systems.contains(scope) { return nil }
            var best = 0.0
            for example in item.examples {
                var dot = 0.0
                for (term, value) in query { dot += value * (example[term] ?? 0) }
                best = max(best, dot)
            }
            let named = item.keywords.contains { $0.allSatisfy(words.contains) }
            return Fit(facet: item.facet, similarity: best + (named ? FacetMatcher.keywordBonus : 0), namedKeyword: named)
        }
        .sorted { ($0.similarity, $1.facet.id) > ($1.similarity, $0.facet.id) }
    }

    /// The best-fitting facet of any control, with its control.
    package func best(_ terms: TextAnalyzer.Terms) -> (ref: ControlRef, fit: Fit)? {
        var best: (ref: ControlRef, fit: Fit)?
        for ref in facets.keys.sorted() {
            guard let fit = fits(terms, for: ref, scope: nil).first else { continue }
            if fit.similarity > (best?.fit.similarity ?? 0) { best = (ref, fit) }
        }
        return best
    }

    /// The share of the question's term weight that `source` (an answer's text: facet, statement,
    /// catalogue entry) contains: how much of what is asked the source speaks to.
    package func coverage(of terms: TextAnalyzer.Terms, by source: Set<String>) -> Double {
        var total = 0.0
        var covered = 0.0
        for term in Set(terms.all) {
            let value = weight(term)
            total += value
            if source.contains(term) { covered += value }
        }
        return total > 0 ? covered / total : 0
    }

    /// The analysed terms of texts, as a set.
    package func terms(of texts: [String]) -> Set<String> { Set(texts.flatMap { analyzer.analyze($0).all }) }

    static func vector(_ terms: [String], _ weight: (String) -> Double) -> [String: Double] {
        var vector: [String: Double] = [:]
        for term in terms { vector[term, default: 0] += weight(term) }
        let norm = sqrt(vector.values.reduce(0) { $0 + $1 * $1 })
        return norm > 0 ? vector.mapValues { $0 / norm } : [:]
    }
}
