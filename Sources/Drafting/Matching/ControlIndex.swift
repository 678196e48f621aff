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

    private struct Document: Sendable {
        var entry: CatalogueEntry
        var termFrequencies: [Field: [String: Int]]
        var lengths: [Field: Int]
        var examples: [[String: Double]]  // unit tf-idf vectors
    }

    private let documents: [Document]
    private let averageLengths: [Field: Double]
    private let inverseFrequency: [String: Double]
    private let analyzer: TextAnalyzer
    private let k1 = 1.2
    /// How much the closest example's cosine similarity adds, on the lexical score's scale.
    private let exampleWeight = 9.0

    package init(catalogue: [CatalogueEntry], statements: [String: String], analyzer: TextAnalyzer) {
        self.analyzer = analyzer
        var fieldTerms: [(CatalogueEntry, [Field: [String]], [[String]])] = []
        for entry in catalogue {
            let exampleTerms = entry.examples.map { analyzer.analyze($0).all }
            let fields: [Field: [String]] = [
                .title: analyzer.analyze(entry.title).all,
                .keywords: entry.keywords.flatMap { analyzer.analyze($0).all },
                .examples: exampleTerms.flatMap { $0 },
                .description: analyzer.analyze(entry.description).all,
                .statement: analyzer.analyze(statements[entry.id] ?? "").all,
            ]
            fieldTerms.append((entry, fields, exampleTerms))
        }
        var documentFrequency: [String: Int] = [:]
        for (_, fields, _) in fieldTerms {
            for term in Set(fields.values.flatMap { $0 }) { documentFrequency[term, default: 0] += 1 }
        }
        let count = Double(max(fieldTerms.count, 1))
        var inverseFrequency: [String: Double] = [:]
        for (term, frequency) in documentFrequency {
            inverseFrequency[term] = log(1 + (count - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
        }
        self.inverseFrequency = inverseFrequency
        var totals: [Field: Int] = [:]
        var documents: [Document] = []
        for (entry, fields, exampleTerms) in fieldTerms {
            var frequencies: [Field: [String: Int]] = [:]
            var lengths: [Field: Int] = [:]
            for (field, terms) in fields {
                frequencies[field] = terms.reduce(into: [:]) { $0[$1, default: 0] += 1 }
                lengths[field] = terms.count
                totals[field, default: 0] += terms.count
            }
            let vectors = exampleTerms.map { ControlIndex.unitVector($0, inverseFrequency) }
            documents.append(Document(entry: entry, termFrequencies: frequencies, lengths: lengths, examples: vectors))
        }
        self.documents = documents
        self.averageLengths = totals.mapValues { Double(max($0, 1)) / count }
    }

    static func unitVector(_ terms: [String], _ inverseFrequency: [String: Double]) -> [String: Double] {
        var vector: [String: Double] = [:]
        for term in terms { vector[term, default: 0] += inverseFrequency[term] ?? 0 }
        let norm = sqrt(vector.values.reduce(0) { $0 + $1 * $1 })
        guard norm > 0 else { return [:] }
        return vector.mapValues { $0 / norm }
    }

    /// The inverse document frequency of an analysed term (0 when no entry uses it).
    package func idf(_ term: String) -> Double { inverseFrequency[term] ?? 0 }

    /// All entries with a positive score, best first; ties broken by catalogue ID for determinism.
    package func rank(_ terms: TextAnalyzer.Terms) -> [Ranking] {
        let queryTerms = terms.words + terms.concepts
        var queryCounts: [String: Double] = [:]
        for term in queryTerms { queryCounts[term, default: 0] += 1 }
        let queryVector = ControlIndex.unitVector(queryTerms, inverseFrequency)
        var rankings: [Ranking] = []
        for document in documents {
            var lexical = 0.0
            var hits: [TermHit] = []
            for (term, queryCount) in queryCounts.sorted(by: { $0.key < $1.key }) {
                guard let idf = inverseFrequency[term], idf > 0 else { continue }
                var weighted = 0.0
                var fields: [Field] = []
                for field in Field.allCases {
                    guard let frequency = document.termFrequencies[field]?[term], frequency > 0 else { continue }
                    let length = Double(document.lengths[field] ?? 0)
                    let average = averageLengths[field] ?? 1
                    let b = field.lengthNormalisation
                    weighted += field.weight * Double(frequency) / (1 - b + b * length / average)
                    fields.append(field)
                }
                guard weighted > 0 else { continue }
                let queryWeight = term.hasPrefix("~") ? 0.7 : 1.0
                let contribution = queryWeight * min(queryCount, 2) * idf * weighted / (k1 + weighted)
                lexical += contribution
                hits.append(TermHit(term: term, fields: fields, contribution: contribution))
            }
            var best = 0.0
            var closest: String?
            for (index, example) in document.examples.enumerated() {
                var dot = 0.0
                for (term, weight) in queryVector { dot += weight * (example[term] ?? 0) }
                if dot > best {
                    best = dot
                    closest = document.entry.examples[index]
                }
            }
            let score = lexical + exampleWeight * best * best
            guard score > 0 else { continue }
            hits.sort { ($0.contribution, $1.term) > ($1.contribution, $0.term) }
            rankings.append(Ranking(entry: document.entry, score: score, lexical: lexical, exampleSimilarity: best,
                                    closestExample: closest, hits: hits))
        }
        rankings.sort { ($0.score, $1.entry.id) > ($1.score, $0.entry.id) }
        return rankings
    }
}
