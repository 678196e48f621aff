import Foundation

/// A text's terms as a unit-length weighted vector, for cosine similarity between short texts
/// (library wordings, facet examples).
enum UnitVector {
    /// Each distinct term's summed `weight`, every occurrence scaled by its own share (an
    /// abbreviation's expansion shares one), and the whole scaled so the vector's length is 1;
    /// empty when every weight is 0.
    static func of(_ terms: TextAnalyzer.Terms, weight: (String) -> Double) -> [String: Double] {
        var vector: [String: Double] = [:]
        for (term, share) in terms.weighted { vector[term, default: 0] += share * weight(term) }
        // Summed in sorted order: a dictionary's order changes from run to run, and so would the last
        // bits of the norm, which decide ties between equally close texts.
        let norm = sqrt(vector.values.sorted().reduce(0) { $0 + $1 * $1 })
        return norm > 0 ? vector.mapValues { $0 / norm } : [:]
    }
}
