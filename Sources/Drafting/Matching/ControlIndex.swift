import Foundation
import ResponderModel

/// Ranks catalogue entries for a question: BM25F over the entry's fields (title, keywords,
/// description, example questions, the organisation's implementation statement), plus the
/// similarity of the question to the entry's closest example question.
///
/// Held in memory rather than queried through the store's FTS5 index: the ranking has to explain
/// each score term by term and field by field, and 1,000 questions must draft in well under a second.
package struct ControlIndex: Sendable {
    package enum Field: String, Sendable, CaseIterable {
        case title, keywords, examples, description, statement

        /// How much a term found in this field counts, relative to the description.
        var weight: Double {
            switch self {
            case .title: 3.0
            case .keywords: 2.2
            case .examples: 1.6
            case .description: 1.0
            case .statement: 0.6
            }
        }

        /// BM25 length normalisation per field.
        var lengthNormalisation: Double {
            switch self {
            case .title: 0.3
            case .keywords: 0.5
            case .examples: 0.6
            case .description: 0.75
            case .statement: 0.75
            }
        }
    }

    /// One scored term of an explanation.
    package struct TermHit: Sendable {
        package var term: String
        package var fields: [Field]
        package var contribution: Double
    }

    /// An entry's score for a question, with what made it.
    package struct Ranking: Sendable {
        package var entry: CatalogueEntry
        package var score: Double
        package var lexical: Double
        package var exampleSimilarity: Double
        package var closestExample: String?
        package var hits: [TermHit]
    }

    /// One entry's weight for one term: the BM25F field-weighted, length-normalised frequency, which
    /// does not depend on the question and so is computed once.
    private struct Posting: Sendable {
        var document: Int
        var weight: Double
        var fields: [Field]
    }

    private let entries: [CatalogueEntry]
    /// Term to its ID; IDs index `postings`, `inverseFrequency` and example vectors, so scoring
    /// hashes each question term once instead of once per entry and field.
    private let termIDs: [String: Int]
    /// Term IDs back to their text, for explanations.
    private let termNames: [String]
    private let postings: [[Posting]]
    private let inverseFrequency: [Double]
    /// Per entry, its examples as unit tf-idf vectors of (term ID, weight).
    private let examples: [[[(term: Int, weight: Double)]]]
    private let k1 = 1.2
    /// How much the closest example's cosine similarity adds, on the lexical score's scale.
    private let exampleWeight = 9.0

    /// - Parameter analyze: a text's analysed terms (the caller's analyser, whose results it may
    ///   keep for its own use of the same texts).
    package init(catalogue: [CatalogueEntry], statements: [ControlRef: String], analyze: (String) -> TextAnalyzer.Terms) {
        var fieldTerms: [[Field: [String]]] = []
        var exampleTerms: [[TextAnalyzer.Terms]] = []
        for entry in catalogue {
            let perExample = entry.examples.map { analyze($0) }
            exampleTerms.append(perExample)
            fieldTerms.append([
                .title: analyze(entry.title).all,
                .keywords: entry.keywords.flatMap { analyze($0).all },
                .examples: perExample.flatMap(\.all),
                .description: analyze(entry.description).all,
                .statement: analyze(statements[entry.ref] ?? "").all,
            ])
        }
        var termIDs: [String: Int] = [:]
        var documentFrequency: [Int] = []
        for fields in fieldTerms {
            for term in Set(fields.values.flatMap { $0 }).sorted() {
                let id =
                    termIDs[term]
                    ?? {
                        termIDs[term] = documentFrequency.count; documentFrequency.append(0); return documentFrequency.count - 1
                    }()
                documentFrequency[id] += 1
            }
        }
        let count = Double(max(catalogue.count, 1))
        let inverseFrequency = documentFrequency.map { log(1 + (count - Double($0) + 0.5) / (Double($0) + 0.5)) }
        var averageLengths: [Field: Double] = [:]
        for field in Field.allCases {
            averageLengths[field] = Double(max(fieldTerms.reduce(0) { $0 + ($1[field]?.count ?? 0) }, 1)) / count
        }
        var postings = [[Posting]](repeating: [], count: documentFrequency.count)
        for (document, fields) in fieldTerms.enumerated() {
            var weights: [Int: (weight: Double, fields: [Field])] = [:]
            for field in Field.allCases {
                let terms = fields[field] ?? []
                let b = field.lengthNormalisation
                let norm = 1 - b + b * Double(terms.count) / (averageLengths[field] ?? 1)
                var frequencies: [String: Int] = [:]
                for term in terms { frequencies[term, default: 0] += 1 }
                for (term, frequency) in frequencies {
                    let id = termIDs[term]!
                    var entry = weights[id] ?? (0, [])
                    entry.weight += field.weight * Double(frequency) / norm
                    entry.fields.append(field)
                    weights[id] = entry
                }
            }
            for (id, entry) in weights { postings[id].append(Posting(document: document, weight: entry.weight, fields: entry.fields)) }
        }
        self.entries = catalogue
        self.termIDs = termIDs
        var termNames = [String](repeating: "", count: termIDs.count)
        for (term, id) in termIDs { termNames[id] = term }
        self.termNames = termNames
        self.postings = postings
        self.inverseFrequency = inverseFrequency
        self.examples = exampleTerms.map { perExample in
            perExample.map { terms in
                // Every example term is in the index (the examples are one of its fields).
                UnitVector.of(terms) { inverseFrequency[termIDs[$0]!] }
                    .map { (term: termIDs[$0.key]!, weight: $0.value) }
                    .sorted { $0.term < $1.term }
            }
        }
    }

    /// The inverse document frequency of an analysed term (0 when no entry uses it).
    package func idf(_ term: String) -> Double { termIDs[term].map { inverseFrequency[$0] } ?? 0 }

    /// Best first; ties broken by framework, then catalogue ID, for determinism.
    package static func ranksHigher(_ lhs: Ranking, _ rhs: Ranking) -> Bool {
        lhs.score != rhs.score ? lhs.score > rhs.score : lhs.entry.ref < rhs.entry.ref
    }

    /// All entries with a positive score, best first; ties broken by framework and catalogue ID.
    /// `explained` entries from the top carry their term hits; the rest carry none.
    package func rank(_ terms: TextAnalyzer.Terms, explained: Int = 8) -> [Ranking] {
        var queryCounts: [Int: (count: Double, concept: Bool)] = [:]
        // Dense by term ID: the closest-example loop below looks every example term up in it.
        var queryVector = [Double](repeating: 0, count: inverseFrequency.count)
        for (term, share) in terms.weighted {
            guard let id = termIDs[term] else { continue }
            queryCounts[id, default: (0, term.hasPrefix("~"))].count += share
            queryVector[id] += share * inverseFrequency[id]
        }
        let norm = sqrt(queryVector.reduce(0) { $0 + $1 * $1 })
        var lexical = [Double](repeating: 0, count: entries.count)
        // In term-ID order, so every run adds the same floating-point numbers in the same order.
        for id in queryCounts.keys.sorted() {
            let query = queryCounts[id]!
            let idf = inverseFrequency[id]
            guard idf > 0 else { continue }
            let queryWeight = (query.concept ? 0.7 : 1.0) * min(query.count, 2) * idf
            for posting in postings[id] {
                lexical[posting.document] += queryWeight * posting.weight / (k1 + posting.weight)
            }
        }
        // Scores are sorted as plain values and only then turned into rankings: sorting the rankings
        // themselves moved whole catalogue entries (and their reference counts) on every swap.
        var scored: [(document: Int, score: Double, best: Double, closest: Int)] = []
        for document in entries.indices {
            var best = 0.0
            var closest = -1
            if norm > 0 {
                for (index, example) in examples[document].enumerated() {
                    var dot = 0.0
                    for component in example { dot += component.weight * queryVector[component.term] }
                    dot /= norm
                    if dot > best {
                        best = dot
                        closest = index
                    }
                }
            }
            let score = lexical[document] + exampleWeight * best * best
            guard score > 0 else { continue }
            scored.append((document, score, best, closest))
        }
        scored.sort { lhs, rhs in
            lhs.score != rhs.score ? lhs.score > rhs.score : entries[lhs.document].ref < entries[rhs.document].ref
        }
        var rankings = scored.map { item in
            let entry = entries[item.document]
            return Ranking(
                entry: entry, score: item.score, lexical: lexical[item.document], exampleSimilarity: item.best,
                closestExample: item.closest >= 0 ? entry.examples[item.closest] : nil, hits: [])
        }
        for (position, item) in scored.prefix(explained).enumerated() {
            rankings[position].hits = hits(for: item.document, queryCounts: queryCounts)
        }
        return rankings
    }

    /// Which question terms an entry (by its position in the catalogue) matched, in which fields,
    /// and how much each added.
    private func hits(for document: Int, queryCounts: [Int: (count: Double, concept: Bool)]) -> [TermHit] {
        var hits: [TermHit] = []
        for (id, query) in queryCounts {
            let idf = inverseFrequency[id]
            guard idf > 0, let posting = ControlIndex.posting(of: document, in: postings[id]) else { continue }
            let contribution = (query.concept ? 0.7 : 1.0) * min(query.count, 2) * idf * posting.weight / (k1 + posting.weight)
            hits.append(TermHit(term: termNames[id], fields: posting.fields, contribution: contribution))
        }
        return hits.sorted { ($0.contribution, $1.term) > ($1.contribution, $0.term) }
    }

    /// A term's posting for one entry: postings are built in catalogue order, so a binary search finds it.
    private static func posting(of document: Int, in postings: [Posting]) -> Posting? {
        var low = 0
        var high = postings.count
        while low < high {
            let middle = (low + high) / 2
            if postings[middle].document < document { low = middle + 1 } else { high = middle }
        }
        return low < postings.count && postings[low].document == document ? postings[low] : nil
    }
}
