import Foundation
import ResponderModel

/// Matches one question against the knowledge base: catalogue ranking over every framework the
/// organisation claims, crosswalk and direct references, library near-duplicates, and whether
/// anything in the knowledge base can answer the question at all.
package struct QuestionMatcher: Sendable {
    /// Everything the matcher found for one question.
    package struct Result: Sendable {
        package var rankings: [ControlIndex.Ranking]
        package var matches: [ControlMatch]
        package var libraryHits: [LibraryMatcher.Hit]
        package var references: ReferenceFinder.Found
        /// True when a catalogue entry (then `rankings` holds it) or a library answer matched well
        /// enough to answer from.
        package var isInScope: Bool
        /// True when the question is about a claimed framework's subject (or quotes one of its
        /// refs) but nothing answers it (`no_match`: a person should); false with `isInScope`
        /// false means the knowledge base is not for it (`out_of_scope`: office addresses, pricing).
        package var isNearMiss: Bool
        /// The best catalogue score, 0 when nothing matched.
        package var topScore: Double
        /// The question's analysed terms.
        package var terms: TextAnalyzer.Terms = TextAnalyzer.Terms(words: [], concepts: [])
        /// The best entry's facets, best fit first (empty when its Statement of Applicability line has none).
        package var facetFits: [FacetMatcher.Fit] = []
        /// The share of the question's term weight the best entry's text (title, keywords,
        /// examples, description, implementation statement) contains.
        package var coverage: Double = 0
        /// The best entry's text terms (title, keywords, examples, description, statement).
        package var entryTerms: Set<String> = []
        /// The best entry's terms in what the control requires and the organisation says of it
        /// (title, description, statement), without the catalogue's example questions and keywords.
        package var statedTerms: Set<String> = []
        /// Measures coverage of the question by other texts (a facet, a library answer).
        package var facetMatcher: FacetMatcher?
        /// The share of the question's term weight each library hit's question and answer contain, by ID.
        package var libraryCoverage: [String: Double] = [:]
        /// The frameworks whose subject the question itself names (ISO/IEC 42001: AI words).
        package var namedSubjects: Set<FrameworkCode> = []
    }

    /// At or above this score a match puts the question in scope whatever its wording (measured on
    /// the dev set, see BENCHMARKS.md: no off-topic question reaches 18 against ISO/IEC 42001).
    package static let inScopeScore = 20.0
    /// With the framework's subject named only in the sheet or section name, a match must be this strong.
    package static let contextScore = 10.0
    /// Below this score nothing in the catalogue touches the question; between it and
    /// `inScopeScore` a match counts when the question names its framework's subject (the
    /// catalogue's `subjects`, e.g. AI for ISO/IEC 42001).
    package static let minimumScore = 3.0
    /// At or above this similarity to one of an entry's example questions (with two or more terms in
    /// common) a weak match counts: measured on the security set, no off-topic question reaches it
    /// once typo correction keeps the first two letters (see BENCHMARKS.md).
    package static let paraphraseSimilarity = 0.65
    /// A match this strong, on at least ``substantialTerms`` terms covering ``substantialCoverage`` of
    /// the question's weighted terms, is in scope without the subject named (measured on the security
    /// set and on held-out CAIQ-style questions: no off-topic question of the set meets all three
    /// against a framework that does not require its subject).
    package static let substantialScore = 8.0
    package static let substantialTerms = 4
    package static let substantialCoverage = 0.38
    /// Matches listed per framework, so every framework the question touches shows its best entries.
    package static let matchesPerFramework = 3

    private let analyzer: TextAnalyzer
    /// Every word the knowledge base uses anywhere (catalogue, statements, library, inventory), to
    /// tell a questionnaire's own recurring words (the buyer's name) from the subject's.
    private let knownWords: Set<String>
    private let index: ControlIndex
    private let references: ReferenceFinder
    private let library: LibraryMatcher
    /// Reads what a question asserts, so a library wording or facet example that shares its nouns
    /// but asserts another thing can be told apart.
    private let predicates: PhraseGroupFinder
    private let subjects: [FrameworkCode: SubjectDetector]
    /// Frameworks whose weak matches count only with their subject named.
    private let subjectRequired: Set<FrameworkCode>
    /// Entries by ref, for lending a strong match's score to its `related` entries of other frameworks.
    private let entriesByRef: [ControlRef: CatalogueEntry]
    private let facetMatcher: FacetMatcher
    /// Each entry's analysed text, for measuring how much of a question it covers.
    private let entryTerms: [ControlRef: Set<String>]
    private let statedTerms: [ControlRef: Set<String>]
    /// Each library answer's analysed question and answer, by ID.
    private let libraryTerms: [String: Set<String>]

    /// The frameworks this matcher ranks entries of, in code order.
    package let frameworks: [FrameworkCode]

    /// - Parameters:
    ///   - frameworks: limits matching to these frameworks (`--framework`); nil for every framework
    ///     the organisation claims (every catalogued one when it claims none).
    package init(content: KnowledgeBaseContent, frameworks limit: Set<FrameworkCode>? = nil) {
        let claimed = content.claimedFrameworks
        let catalogued = Set(content.catalogue.map(\.framework))
        var chosen = claimed.isEmpty ? catalogued : catalogued.intersection(claimed)
        if let limit { chosen.formIntersection(limit) }
        frameworks = chosen.sorted()
        let catalogue = content.catalogue.filter { chosen.contains($0.framework) }
        var texts = catalogue.flatMap { [$0.title, $0.description] + $0.keywords + $0.examples }
        texts += content.library.map(\.question) + content.thesaurus.synonyms.flatMap { $0 }
        texts += (content.applicability.flatMap(\.facets) + content.library.flatMap(\.facets))
            .flatMap { $0.examples + $0.keywords + [$0.statement] }
        let vocabulary = Set(texts.flatMap(TextAnalyzer.rawWords))
        var known = content.applicability.map(\.statement) + content.library.flatMap { [$0.answer] + $0.alternateQuestions }
        known += content.systems.flatMap { [$0.name, $0.vendor ?? ""] } + [content.organisation.name]
        knownWords = vocabulary.union(known.flatMap(TextAnalyzer.rawWords))
        let analyzer = TextAnalyzer(thesaurus: content.thesaurus, vocabulary: vocabulary)
        self.analyzer = analyzer
        var statements: [ControlRef: String] = [:]
        // A line not applicable says what it says in its justification.
        for entry in content.applicability where statements[entry.ref] == nil {
            statements[entry.ref] = [entry.statement, entry.justification ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        }
        // The index, the library's term rarity and each entry's coverage terms read the same
        // catalogue texts: each is analysed once, on every core first (with some 4,000 catalogue
        // and library texts this was the largest serial part of building the matcher).
        let entryTexts = catalogue.map { QuestionMatcher.coverageTexts(of: $0, statement: statements[$0.ref]) }
        let answerTexts = content.library.map(QuestionMatcher.coverageTexts(of:))
        var seen = Set<String>()
        let distinctTexts = (entryTexts + answerTexts).joined().filter { seen.insert($0).inserted }
        let terms = ParallelMap.map(count: distinctTexts.count, chunkSize: 64) { analyzer.analyze(distinctTexts[$0]) }
        var analysed = Dictionary(uniqueKeysWithValues: zip(distinctTexts, terms))
        func analyse(_ text: String) -> TextAnalyzer.Terms {
            if let terms = analysed[text] { return terms }
            let terms = analyzer.analyze(text)
            analysed[text] = terms
            return terms
        }
        index = ControlIndex(catalogue: catalogue, statements: statements, analyze: analyse)
        references = ReferenceFinder(crosswalks: content.crosswalks, catalogue: catalogue)
        let predicates = PhraseGroupFinder(groups: content.thesaurus.predicates)
        self.predicates = predicates
        library = LibraryMatcher(
            library: content.library, analyzer: analyzer, predicates: predicates,
            background: catalogue.flatMap { $0.examples.map(analyse) })
        var subjects: [FrameworkCode: SubjectDetector] = [:]
        for framework in content.frameworks where chosen.contains(framework.code) && !framework.subjects.isEmpty {
            subjects[framework.code] = SubjectDetector(subjects: framework.subjects)
        }
        self.subjects = subjects
        subjectRequired = Set(content.frameworks.filter(\.subjectRequired).map(\.code))
        entriesByRef = Dictionary(catalogue.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        let index = self.index
        let rarest = catalogue.isEmpty ? 1 : log(1 + (Double(catalogue.count) + 0.5) / 1.5)
        facetMatcher = FacetMatcher(applicability: content.applicability, library: content.library, analyzer: analyzer, predicates: predicates) { term in
            let value = index.idf(term)
            return value > 0 ? value : rarest
        }
        var entryTerms: [ControlRef: Set<String>] = [:]
        var statedTerms: [ControlRef: Set<String>] = [:]
        for (entry, texts) in zip(catalogue, entryTexts) {
            entryTerms[entry.ref] = Set(texts.flatMap { analyse($0).all })
            statedTerms[entry.ref] = Set([entry.title, entry.description, statements[entry.ref] ?? ""].flatMap { analyse($0).all })
        }
        self.entryTerms = entryTerms
        self.statedTerms = statedTerms
        var libraryTerms: [String: Set<String>] = [:]
        for (answer, texts) in zip(content.library, answerTexts) where libraryTerms[answer.id] == nil {
            libraryTerms[answer.id] = Set(texts.flatMap { analyse($0).all })
        }
        self.libraryTerms = libraryTerms
    }

    /// An entry's texts whose terms count as covering a question: title, description, the
    /// organisation's statement, keywords and examples.
    private static func coverageTexts(of entry: CatalogueEntry, statement: String?) -> [String] {
        [entry.title, entry.description, statement ?? ""] + entry.keywords + entry.examples
    }

    /// A library answer's texts whose terms count as covering a question: its wordings, answer and facets.
    private static func coverageTexts(of answer: LibraryAnswer) -> [String] {
        [answer.question, answer.answer] + answer.alternateQuestions + answer.facets.flatMap { $0.examples + [$0.statement] }
    }

    /// The share of a strong entry's score lent to the entries of other frameworks its catalogue
    /// lists as `related` (the same requirement in another framework's words): a question that
    /// plainly asks for ISO/IEC 27001's asset inventory is also asking for SOC 2's CC6.1, even when
    /// SOC 2's wider wording shares fewer of its words. Measured on the security set's dev split.
    package static let relatedShare = 0.5

    /// Words a questionnaire repeats that the knowledge base never uses: the buyer's own name
    /// ("Will Globex data be ...", "... to deliver services to Globex?") and the like. They say
    /// nothing about the subject, yet as the rarest terms they would outweigh it in every measure
    /// of how much of a question a source covers. A word counts when at least
    /// ``fileWideQuestions`` questions, and ``fileWideShare`` of them, use it.
    package func fileWideWords(_ texts: [String]) -> Set<String> {
        var questionsUsing: [String: Int] = [:]
        for text in texts {
            for word in Set(analyzer.correctedWords(text)) where word.count >= 3 && !word.allSatisfy(\.isNumber) {
                questionsUsing[word, default: 0] += 1
            }
        }
        let least = max(Double(QuestionMatcher.fileWideQuestions), QuestionMatcher.fileWideShare * Double(texts.count))
        return Set(questionsUsing.filter { Double($0.value) >= least && !knownWords.contains($0.key) }.keys)
    }

    package static let fileWideQuestions = 3
    package static let fileWideShare = 0.05

    /// What ranking found for one question text, before deciding scope.
    private struct Ranked {
        var cleaned: String
        var rankings: [ControlIndex.Ranking]
        var notes: [ControlRef: [String]]
        var found: ReferenceFinder.Found
        var libraryHits: [LibraryMatcher.Hit]
        var terms: TextAnalyzer.Terms
    }

    /// The analysed terms of `text`, boilerplate openings and `ignoring`'s words dropped.
    package func terms(of text: String, ignoring: Set<String> = []) -> TextAnalyzer.Terms {
        analyzed(QuestionMatcher.stripBoilerplate(text), ignoring: ignoring)
    }

    /// A question's terms with the predicates it names, without the words of `ignoring`.
    private func analyzed(_ text: String, ignoring: Set<String> = []) -> TextAnalyzer.Terms {
        var terms = analyzer.analyze(text)
        if !ignoring.isEmpty {
            let stems = Set(ignoring.map(TextAnalyzer.stem))
            let kept = terms.words.indices.filter { !stems.contains(terms.words[$0]) }
            terms = TextAnalyzer.Terms(
                words: kept.map { terms.words[$0] }, concepts: terms.concepts, wordWeights: kept.map { terms.wordWeights[$0] })
        }
        terms.predicates = predicates.groups(in: text)
        return terms
    }

    /// Every entry of the matched frameworks that shares something with `text`, best first, with
    /// quoted, crosswalk and library boosts applied, whether or not the question is in scope.
    package func rankings(for text: String) -> [ControlIndex.Ranking] { rank(text).rankings }

    /// Matches one question. `context` is where it sits (sheet and section names): when it names
    /// a framework's subject, a terse question that leaves it unsaid needs a weaker match.
    package func match(_ text: String, context: String = "", ignoring: Set<String> = []) -> Result {
        let ranked = rank(text, ignoring: ignoring)
        let (cleaned, rankings, found, libraryHits) = (
            ranked.cleaned, ranked.rankings, ranked.found,
            ranked.libraryHits
        )
        var notes = ranked.notes
        let topScore = rankings.first?.score ?? 0
        // In scope when an entry of a claimed framework matches well enough (a plain security
        // question is answered from ISO 27001 or SOC 2), or an approved library answer does.
        let quoted = !found.directRefs.isEmpty || !found.crosswalkEntries.isEmpty
        func best(_ framework: FrameworkCode) -> Double { rankings.first { $0.entry.framework == framework }?.score ?? 0 }
        // Typos corrected, so "Risk assesment" names risk assessment as its terms already do.
        let words = analyzer.correctedWords(cleaned)
        let namesSubject = subjects.contains { framework, detector in
            best(framework) >= QuestionMatcher.minimumScore && detector.isNamed(words: words)
                || best(framework) >= QuestionMatcher.contextScore && detector.isNamed(in: context)
        }
        // A close paraphrase of one of an entry's example questions ("Access reviews", "Asset register")
        // scores low in absolute terms because it is short, but it asks what that example asks.
        let paraphrases =
            (rankings.first?.exampleSimilarity ?? 0) >= QuestionMatcher.paraphraseSimilarity
            && (rankings.first?.hits.count ?? 0) >= 2
        // A substantial match (several terms, much of the question) counts for a framework whose
        // entries are specific to their subject; ISO/IEC 42001's general management-system wording
        // needs its subject named (`subjectRequired`).
        let substantial =
            rankings.first.map { top in
                !subjectRequired.contains(top.entry.framework) && top.score >= QuestionMatcher.substantialScore
                    && top.hits.count >= QuestionMatcher.substantialTerms
                    && facetMatcher.coverage(of: ranked.terms, by: entryTerms[top.entry.ref] ?? []) >= QuestionMatcher.substantialCoverage
            } ?? false
        let catalogueMatches =
            topScore >= QuestionMatcher.minimumScore
            && (quoted || topScore >= QuestionMatcher.inScopeScore || namesSubject || paraphrases || substantial)
        let libraryMatches = libraryHits.first.map { $0.similarity >= LibraryMatcher.preferredThreshold } ?? false
        // A facet whose example questions the question closely fits says what answers it, whichever
        // entry shares the most words with it ("failures of model-serving infrastructure").
        let strongFacet = facetMatcher.best(ranked.terms).flatMap { $0.fit.similarity >= FacetMatcher.strongFit ? $0 : nil }
        let isInScope = catalogueMatches || libraryMatches || strongFacet != nil
        // Naming a claimed framework's subject without a match is a gap a person must fill
        // (`no_match`); anything else is a question the knowledge base is not for (`out_of_scope`).
        let nearMiss = !isInScope && (quoted || subjects.values.contains { $0.isNamed(words: words) })
        var listed = catalogueMatches || strongFacet != nil ? QuestionMatcher.listed(rankings, top: topScore) : []
        if let strongFacet, listed.first?.entry.ref != strongFacet.ref, let entry = entriesByRef[strongFacet.ref] {
            var lifted =
                rankings.first { $0.entry.ref == strongFacet.ref }
                ?? ControlIndex.Ranking(entry: entry, score: 0, lexical: 0, exampleSimilarity: 0, closestExample: nil, hits: [])
            lifted.score = max(lifted.score, topScore) + 1
            listed.removeAll { $0.entry.ref == strongFacet.ref }
            listed.insert(lifted, at: 0)
            notes[strongFacet.ref, default: []].append("facet \(strongFacet.fit.facet.id) fits the question (\(QuestionMatcher.format(strongFacet.fit.similarity)))")
        }
        let written = analyzer.writtenWords(cleaned)
        let matches = listed.map { ranking in
            ControlMatch(
                framework: ranking.entry.framework, control: ranking.entry.id, title: ranking.entry.title,
                score: QuestionMatcher.rounded(ranking.score),
                why: QuestionMatcher.explain(ranking, written: written, notes: notes[ranking.entry.ref] ?? []))
        }
        var result = Result(
            rankings: listed, matches: matches, libraryHits: libraryHits,
            references: found, isInScope: isInScope, isNearMiss: nearMiss, topScore: topScore)
        result.terms = ranked.terms
        result.facetMatcher = facetMatcher
        result.namedSubjects = Set(subjects.filter { $0.value.isNamed(words: words) }.keys)
        for hit in libraryHits.prefix(3) {
            result.libraryCoverage[hit.answer.id] = facetMatcher.coverage(of: ranked.terms, by: libraryTerms[hit.answer.id] ?? [])
        }
        if let primary = listed.first {
            result.facetFits = facetMatcher.fits(ranked.terms, for: primary.entry.ref, scope: nil)
            result.coverage = facetMatcher.coverage(of: ranked.terms, by: entryTerms[primary.entry.ref] ?? [])
            result.entryTerms = entryTerms[primary.entry.ref] ?? []
            result.statedTerms = statedTerms[primary.entry.ref] ?? []
        }
        return result
    }

    /// The best five entries, plus each other framework's best (up to ``matchesPerFramework``, none
    /// weaker than a third of the top score), best first.
    static func listed(_ rankings: [ControlIndex.Ranking], top: Double) -> [ControlIndex.Ranking] {
        var listed = Array(rankings.prefix(5))
        var perFramework: [FrameworkCode: Int] = [:]
        for ranking in listed { perFramework[ranking.entry.framework, default: 0] += 1 }
        for ranking in rankings.dropFirst(5) where ranking.score >= max(minimumScore, top / 3) {
            let count = perFramework[ranking.entry.framework, default: 0]
            guard count < matchesPerFramework else { continue }
            perFramework[ranking.entry.framework] = count + 1
            listed.append(ranking)
        }
        return listed
    }

    private func rank(_ text: String, ignoring: Set<String> = []) -> Ranked {
        let cleaned = QuestionMatcher.stripBoilerplate(text)
        let terms = analyzed(cleaned, ignoring: ignoring)
        var rankings = index.rank(terms)
        let found = references.find(in: cleaned)
        let libraryHits = library.hits(for: terms)
        var boosts: [ControlRef: (score: Double, reasons: [String])] = [:]
        for ref in found.directRefs { boosts[ref, default: (0, [])].score += 20; boosts[ref]!.reasons.append("quoted directly") }
        for entry in found.crosswalkEntries where !entry.iso42001.isEmpty {
            let share = 8.0 / Double(entry.iso42001.count).squareRoot()
            for id in entry.iso42001 {
                let ref = ControlRef(.iso42001, id)
                boosts[ref, default: (0, [])].score += share
                boosts[ref]!.reasons.append("crosswalk \(entry.reference)")
            }
        }
        for hit in libraryHits.prefix(2) where hit.similarity >= LibraryMatcher.relatedThreshold {
            for ref in hit.answer.controls {
                boosts[ref, default: (0, [])].score += 5 * hit.similarity
                boosts[ref]!.reasons.append("library \(hit.answer.id) (similarity \(QuestionMatcher.format(hit.similarity)))")
            }
        }
        lendToRelated(&rankings, boosts: &boosts)
        var notes: [ControlRef: [String]] = [:]
        if !boosts.isEmpty {
            for position in rankings.indices {
                if let boost = boosts[rankings[position].entry.ref] {
                    rankings[position].score += boost.score
                    notes[rankings[position].entry.ref] = boost.reasons
                }
            }
            rankings = QuestionMatcher.sorted(rankings)
        }
        return Ranked(cleaned: cleaned, rankings: rankings, notes: notes, found: found, libraryHits: libraryHits, terms: terms)
    }

    /// Adds to `boosts` the share of each of the top entries' scores that their `related` entries of
    /// other frameworks receive (the best lender only), inserting related entries nothing else matched.
    private func lendToRelated(_ rankings: inout [ControlIndex.Ranking], boosts: inout [ControlRef: (score: Double, reasons: [String])]) {
        guard let top = rankings.first?.score, top > 0 else { return }
        var lent: [ControlRef: (share: Double, source: ControlRef)] = [:]
        for ranking in rankings.prefix(4) where ranking.score >= top / 2 {
            // Not into ISO/IEC 42001: a plain security question is not made an AI one by a crosswalk.
            for ref in ranking.entry.related
            where ref.framework != ranking.entry.framework && ref.framework != .iso42001
                && entriesByRef[ref] != nil
            {
                let share = QuestionMatcher.relatedShare * ranking.score
                if share > (lent[ref]?.share ?? 0) { lent[ref] = (share, ranking.entry.ref) }
            }
        }
        guard !lent.isEmpty else { return }
        var positions: [ControlRef: Int] = [:]
        for (position, ranking) in rankings.enumerated() { positions[ranking.entry.ref] = position }
        for (ref, (share, source)) in lent.sorted(by: { $0.key < $1.key }) {
            let sourceScore = share / QuestionMatcher.relatedShare
            boosts[ref, default: (0, [])].reasons.append("related to \(source.framework.rawValue):\(source.id)")
            if let position = positions[ref] {
                // A borrowed score never lifts the related entry above the entry it borrows from.
                let own = rankings[position].score
                rankings[position].score = max(own, min(own + share, 0.95 * sourceScore))
            } else if let entry = entriesByRef[ref] {
                rankings.append(
                    ControlIndex.Ranking(
                        entry: entry, score: share, lexical: 0, exampleSimilarity: 0,
                        closestExample: nil, hits: []))
            }
        }
    }

    /// `rankings` in ``ControlIndex/ranksHigher(_:_:)`` order, sorting positions by score rather than
    /// moving the rankings (each holds a whole catalogue entry) on every comparison.
    static func sorted(_ rankings: [ControlIndex.Ranking]) -> [ControlIndex.Ranking] {
        let scores = rankings.map(\.score)
        let order = rankings.indices.sorted { lhs, rhs in
            scores[lhs] != scores[rhs] ? scores[lhs] > scores[rhs] : rankings[lhs].entry.ref < rankings[rhs].entry.ref
        }
        return order.map { rankings[$0] }
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Share of an entry's term score a synonym hit must carry to be named: below it the synonym
    /// did not decide the match and naming it only distracts.
    static let decisiveSynonymShare = 0.25

    /// The "why" of a match: the question's words as written with the fields they matched, a
    /// synonym only when it carried much of the score, the closest example and any notes.
    static func explain(_ ranking: ControlIndex.Ranking, written: [String: String], notes: [String]) -> String {
        var parts: [String] = []
        let total = ranking.hits.reduce(0) { $0 + $1.contribution }
        var named = Set<String>()
        var terms: [String] = []
        for hit in ranking.hits {
            let fields = " (\(hit.fields.map(\.rawValue).joined(separator: "+")))"
            if hit.term.hasPrefix("~") {
                guard total > 0, hit.contribution >= decisiveSynonymShare * total else { continue }
                terms.append("synonym " + hit.term.dropFirst().replacingOccurrences(of: "_", with: " ") + fields)
            } else {
                let word = written[hit.term] ?? hit.term
                guard named.insert(word.lowercased()).inserted else { continue }
                terms.append("\"\(word)\"" + fields)
            }
            if terms.count == 6 { break }
        }
        if !terms.isEmpty { parts.append("matched " + terms.joined(separator: ", ")) }
        if let example = ranking.closestExample, ranking.exampleSimilarity >= 0.3 {
            parts.append("closest example \"\(example)\" (similarity \(format(ranking.exampleSimilarity)))")
        }
        parts.append(contentsOf: notes)
        return parts.joined(separator: "; ")
    }

    /// Drops the "The vendor shall"-style opening that every requirement statement shares.
    /// A run of three or more of these participles ("established, documented, approved, communicated,
    /// applied, evaluated, and maintained") is questionnaire boilerplate: it says how thoroughly, not
    /// what, and left in it ties every such question to whichever entry lists the same verbs.
    private static let boilerplateRun = try! NSRegularExpression(
        pattern:
            #"\b(?:(?:established|documented|approved|communicated|applied|evaluated|maintained|implemented|enforced|defined|reviewed|updated|monitored|tested)(?:,\s*|\s+and\s+|,\s*and\s+|\s+)){2,}(?:established|documented|approved|communicated|applied|evaluated|maintained|implemented|enforced|defined|reviewed|updated|monitored|tested)\b"#,
        options: [.caseInsensitive])

    static func stripBoilerplate(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if result.hasSuffix("*") { result = String(result.dropLast()).trimmingCharacters(in: .whitespaces) }
        let range = NSRange(result.startIndex..., in: result)
        result = boilerplateRun.stringByReplacingMatches(in: result, range: range, withTemplate: "")
        let lower = result.lowercased()
        for opening in ["the vendor ", "the supplier ", "the provider ", "the service provider ", "the contractor "]
        where lower.hasPrefix(opening) {
            return String(result.dropFirst(opening.count))
        }
        return result
    }
}
