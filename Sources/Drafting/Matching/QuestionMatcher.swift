import Foundation
import ResponderModel

/// Matches one question against the knowledge base: catalogue ranking, crosswalk and direct
/// references, library near-duplicates, and whether the question is about AI governance at all.
package struct QuestionMatcher: Sendable {
    /// Everything the matcher found for one question.
    package struct Result: Sendable {
        package var rankings: [ControlIndex.Ranking]
        package var matches: [ControlMatch]
        package var libraryHits: [LibraryMatcher.Hit]
        package var references: ReferenceFinder.Found
        /// True when a catalogue entry matched well enough to answer from.
        package var isInScope: Bool
        /// True when the question is about AI but nothing in the catalogue matched it (`no_match`);
        /// false with `isInScope` false means it is not about AI governance (`out_of_scope`).
        package var isAboutAI: Bool
        /// The best catalogue score, 0 when nothing matched.
        package var topScore: Double
    }

    /// Below this lexical score a catalogue match is too weak to answer from.
    package static let minimumScore = 3.0
    /// With AI wording only in the sheet or section name, a match must be this strong.
    package static let contextScore = 10.0
    /// Without any AI wording, a match must be this strong to count as in scope.
    package static let strongScore = 40.0

    private let analyzer: TextAnalyzer
    private let index: ControlIndex
    private let references: ReferenceFinder
    private let library: LibraryMatcher

    package init(content: KnowledgeBaseContent) {
        var texts = content.catalogue.flatMap { [$0.title, $0.description] + $0.keywords + $0.examples }
        texts += content.library.map(\.question) + content.thesaurus.synonyms.flatMap { $0 }
        let vocabulary = Set(texts.flatMap(TextAnalyzer.rawWords))
        let analyzer = TextAnalyzer(thesaurus: content.thesaurus, vocabulary: vocabulary)
        self.analyzer = analyzer
        var statements: [String: String] = [:]
        for entry in content.applicability { statements[entry.control] = entry.statement }
        index = ControlIndex(catalogue: content.catalogue, statements: statements, analyzer: analyzer)
        references = ReferenceFinder(crosswalks: content.crosswalks, catalogue: content.catalogue)
        library = LibraryMatcher(library: content.library, analyzer: analyzer,
                                 background: content.catalogue.flatMap { $0.examples })
    }

    package func match(_ text: String, context: String = "") -> Result {
        let cleaned = QuestionMatcher.stripBoilerplate(text)
        let terms = analyzer.analyze(cleaned)
        var rankings = index.rank(terms)
        let found = references.find(in: cleaned)
        let libraryHits = library.hits(for: terms)
        var boosts: [String: (Double, [String])] = [:]
        for ref in found.directRefs { boosts[ref, default: (0, [])].0 += 20; boosts[ref]!.1.append("quoted directly") }
        for entry in found.crosswalkEntries where !entry.iso42001.isEmpty {
            let share = 8.0 / Double(entry.iso42001.count).squareRoot()
            for ref in entry.iso42001 {
                boosts[ref, default: (0, [])].0 += share
                boosts[ref]!.1.append("crosswalk \(entry.reference)")
            }
        }
        for hit in libraryHits.prefix(2) {
            for ref in hit.answer.controls {
                boosts[ref, default: (0, [])].0 += 5 * hit.similarity
                boosts[ref]!.1.append("library \(hit.answer.id) (similarity \(QuestionMatcher.format(hit.similarity)))")
            }
        }
        var notes: [String: [String]] = [:]
        if !boosts.isEmpty {
            for position in rankings.indices {
                if let boost = boosts[rankings[position].entry.id] {
                    rankings[position].score += boost.0
                    notes[rankings[position].entry.id] = boost.1
                }
            }
            rankings.sort { ($0.score, $1.entry.id) > ($1.score, $0.entry.id) }
        }
        let topScore = rankings.first?.score ?? 0
        let ownWording = QuestionMatcher.mentionsAI(cleaned)
        // In an AI sheet or section a terse question may leave "AI" unsaid, but that context alone
        // also covers the security and company questions such sheets carry: ask for a stronger match.
        let contextWording = QuestionMatcher.mentionsAI(context)
        let quoted = !found.directRefs.isEmpty || !found.crosswalkEntries.isEmpty
        let isInScope = quoted
            || topScore >= QuestionMatcher.minimumScore && (ownWording || topScore >= QuestionMatcher.strongScore)
            || contextWording && topScore >= QuestionMatcher.contextScore
        let aiWording = ownWording || isInScope
        let matches = isInScope ? rankings.prefix(5).map { ranking in
            ControlMatch(control: ranking.entry.id, title: ranking.entry.title,
                         score: QuestionMatcher.rounded(ranking.score),
                         why: QuestionMatcher.explain(ranking, notes: notes[ranking.entry.id] ?? []))
        } : []
        return Result(rankings: isInScope ? Array(rankings.prefix(5)) : [], matches: matches, libraryHits: libraryHits,
                      references: found, isInScope: isInScope, isAboutAI: aiWording || isInScope, topScore: topScore)
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    private static func explain(_ ranking: ControlIndex.Ranking, notes: [String]) -> String {
        var parts: [String] = []
        let terms = ranking.hits.prefix(6).map { hit in
            "\(hit.term.hasPrefix("~") ? "synonym " + hit.term.dropFirst().replacingOccurrences(of: "_", with: " ") : hit.term)"
                + " (\(hit.fields.map(\.rawValue).joined(separator: "+")))"
        }
        if !terms.isEmpty { parts.append("matched " + terms.joined(separator: ", ")) }
        if let example = ranking.closestExample, ranking.exampleSimilarity >= 0.3 {
            parts.append("closest example \"\(example)\" (similarity \(format(ranking.exampleSimilarity)))")
        }
        parts.append(contentsOf: notes)
        return parts.joined(separator: "; ")
    }

    /// Drops the "The vendor shall"-style opening that every requirement statement shares.
    static func stripBoilerplate(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if result.hasSuffix("*") { result = String(result.dropLast()).trimmingCharacters(in: .whitespaces) }
        let lower = result.lowercased()
        for opening in ["the vendor ", "the supplier ", "the provider ", "the service provider ", "the contractor "]
        where lower.hasPrefix(opening) {
            return String(result.dropFirst(opening.count))
        }
        return result
    }

    /// Whether text speaks of AI, models, training data or the AI management system.
    static func mentionsAI(_ text: String) -> Bool {
        let words = TextAnalyzer.rawWords(text)
        let set = Set(words)
        if !set.isDisjoint(with: aiWords) { return true }
        if words.contains(where: { word in aiPrefixes.contains { word.hasPrefix($0) } }) { return true }
        let joined = " " + words.joined(separator: " ") + " "
        return aiPhrases.contains { joined.contains(" \($0) ") }
    }

    private static let aiWords: Set<String> = [
        "ai", "aims", "ml", "llm", "llms", "genai", "gpai", "42001", "model", "models", "algorithm", "algorithms",
        "algorithmic", "chatbot", "chatbots", "copilot", "copilots", "gpt", "neural", "inference", "prompt",
        "prompts", "hallucination", "hallucinations", "bias", "biased", "fairness", "drift", "explainability",
        "explainable", "interpretability", "xai", "hitl", "fria", "aiia", "rag", "mlops", "nlp", "dataset",
        "datasets", "automated", "autonomous", "agentic", "agents", "embedding", "embeddings", "annotation",
        "labelling", "labeling", "provenance", "lineage", "retraining", "retrain", "redteaming", "deepfake",
        "deepfakes", "tevv", "rmf", "aia", "soa",
    ]
    private static let aiPrefixes = ["fine-tun", "finetun", "pretrain", "pre-train", "generative", "machine-learn"]
    private static let aiPhrases = [
        "machine learning", "artificial intelligence", "training data", "fine tuning", "fine tuned", "foundation model",
        "language model", "red team", "red teaming", "human oversight", "human in the loop", "impact assessment",
        "automated decision", "model card", "ai act", "data science", "data scientists", "responsible ai",
        "statement of applicability", "intended purpose", "intended use", "training datasets",
    ]
}
