import Foundation
import KnowledgeBase
import ResponderModel

/// Builds a draft answer from the knowledge base only: the Statement of Applicability decides the
/// choice, the implementation statement and registered facts make the narrative, and every
/// sentence's sources become citations. Nothing without a source is written.
package struct AnswerComposer: Sendable {
    private let content: KnowledgeBaseContent
    private let facts: FactFinder
    private let asOf: String
    /// Statement of Applicability lines by framework and control: 27001's A.5.2 is not 42001's.
    private let applicability: [ControlRef: ApplicabilityEntry]
    private let evidence: [String: EvidenceItem]
    private let catalogueKinds: [ControlRef: CatalogueEntry.Kind]
    private let libraryByID: [String: LibraryAnswer]
    private let systemScope: String?
    /// Finds internal evidence named in a reused answer's text.
    private let internalReferences: InternalReferenceScanner
    /// Names the predicates a set-aside source and the question assert, for the reviewer.
    private let predicates: PhraseGroupFinder
    /// Finds the qualifiers ("independent", "published", "quarterly") a question names.
    private let qualifiers: PhraseGroupFinder

    package init(content: KnowledgeBaseContent, asOf: String, systemScope: String?) {
        self.content = content
        self.asOf = asOf
        self.systemScope = systemScope
        facts = FactFinder(content: content, asOf: asOf, systemScope: systemScope)
        applicability = Dictionary(content.applicability.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        evidence = Dictionary(content.evidence.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        catalogueKinds = Dictionary(content.catalogue.map { ($0.ref, $0.kind) }, uniquingKeysWith: { first, _ in first })
        libraryByID = Dictionary(content.library.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        internalReferences = InternalReferenceScanner(evidence: content.evidence)
        predicates = PhraseGroupFinder(groups: content.thesaurus.predicates)
        qualifiers = PhraseGroupFinder(groups: content.thesaurus.qualifiers)
    }

    /// Drafts the answer to `question` from its match, then checks that the answer supports the
    /// qualifiers the question names.
    package func compose(_ question: Question, intent: Intent, match: QuestionMatcher.Result) -> DraftAnswer {
        checkQualifiers(composeFromSources(question, intent: intent, match: match), question: question)
    }

    /// A question that narrows what it asks ("by an independent firm", "published", "quarterly")
    /// is answered only by an answer that speaks to that: when neither the drafted text nor its
    /// source's own wording names anything of a qualifier's group, the source answers the wider
    /// question, and its "Yes" would claim what the knowledge base does not say. The draft becomes
    /// a partial answer: no choice, at most low, the qualifier recorded for the reviewer.
    private func checkQualifiers(_ answer: DraftAnswer, question: Question) -> DraftAnswer {
        let asked = qualifiers.groups(in: question.text)
        let askedTimes = TimeBound.find(in: question.text)
        guard !asked.isEmpty || !askedTimes.isEmpty, !answer.text.isEmpty, let source = answer.source, source.kind != .facts else {
            return answer
        }
        let sourceText = ([answer.text] + wordings(of: source)).joined(separator: " ")
        let missing = asked.subtracting(qualifiers.groups(in: sourceText))
        // A time the question bounds ("within 24 hours") is met only by a time the answer states
        // inside that bound: "within 72 hours" does not say 24, and no figure says nothing.
        let statedTimes = TimeBound.find(in: sourceText)
        let unmetTimes = askedTimes.filter { bound in !statedTimes.contains(where: bound.isMet) }
        guard !missing.isEmpty || !unmetTimes.isEmpty else { return answer }
        var answer = AnswerComposer.partial(answer)
        if answer.choice != nil {
            answer.choice = nil
            answer.flags = Array(Set(answer.flags).union([.needsSME])).sorted()
        }
        answer.signals?.unsupportedQualifiers = ([qualifiers.describe(missing)] + unmetTimes.map(\.written))
            .filter { !$0.isEmpty }.joined(separator: ", ")
        return answer
    }

    /// The wordings a source answers to, besides its statement: a facet's aspect, examples and
    /// keywords; a library answer's questions (and its facet's examples).
    private func wordings(of source: AnswerSource) -> [String] {
        let parts = source.id.split(separator: "#", maxSplits: 1).map(String.init)
        switch source.kind {
        case .facet:
            guard parts.count == 2, let ref = ControlRef(parsing: parts[0]),
                let facet = applicability[ref]?.facets.first(where: { $0.id == parts[1] })
            else { return [] }
            return [facet.aspect] + facet.examples + facet.keywords
        case .library:
            guard let answer = libraryByID[parts[0]] else { return [] }
            let facet = parts.count == 2 ? answer.facets.first { $0.id == parts[1] } : nil
            return [answer.question] + answer.alternateQuestions + (facet.map { [$0.aspect] + $0.examples + $0.keywords } ?? [])
        case .control, .facts:
            return []
        }
    }

    private func composeFromSources(_ question: Question, intent: Intent, match: QuestionMatcher.Result) -> DraftAnswer {
        let allowed = question.answerCells.first { $0.kind == .choice }?.allowed
        // A dropdown beside a describe, list or evidence request holds no answer to it: a Yes there
        // would only repeat the control's status, not answer what was asked.
        let wantsChoice =
            intent == .yesno || intent == .statement
            || question.answerCells.contains { $0.kind == .choice } && ![.describe, .list, .evidence, .count, .date].contains(intent)
        // Under `--system`, an approved answer about other systems does not answer for the scoped one.
        let scopedHits = match.libraryHits.filter { hit in
            systemScope.map { hit.answer.systems.isEmpty || hit.answer.systems.contains($0) } ?? true
        }
        // A question that takes a choice takes it from its source, so the source must assert what
        // is asked: a library answer or facet whose closest wording shares the question's nouns but
        // asserts something else of them ("Is production data copied into test environments?" for
        // "Are production and test environments kept apart?") is set aside, however close, and the
        // next source answers. Those close enough to have answered are recorded for the reviewer.
        let claim = AnswerComposer.checksClaim(intent) ? match.terms.predicates : []
        let libraryHits = scopedHits.filter { !$0.makesAnotherClaim(than: claim) }
        let facetFits = match.facetFits.filter { !$0.makesAnotherClaim(than: claim) }
        let setAsideHits = scopedHits.filter { $0.similarity >= LibraryMatcher.relatedThreshold && $0.makesAnotherClaim(than: claim) }
        let setAsideFacets = match.facetFits.filter { $0.similarity >= FacetMatcher.fitThreshold && $0.makesAnotherClaim(than: claim) }
        let primaryRef = match.rankings.first.map { $0.entry.ref.description } ?? ""
        let setAside: [SetAside] =
            setAsideHits.map { SetAside(id: $0.answer.id, wording: $0.matchedQuestion, predicates: $0.matchedPredicates) }
            + setAsideFacets.map { SetAside(id: "\(primaryRef)#\($0.facet.id)", wording: $0.matchedExample, predicates: $0.matchedPredicates) }
        // A facet whose own example questions fit closely answers its aspect better than an approved
        // answer to a merely similar question ("Provide your subprocessor list" is not "How do you
        // assess subprocessors?").
        let facetFit = facetFits.first?.similarity ?? 0
        let namedFacet = facetFit >= FacetMatcher.strongFit && facetFits.first?.namedKeyword == true
        if let reuse = libraryHits.first,
            reuse.similarity >= LibraryMatcher.reuseThreshold
                || reuse.similarity >= LibraryMatcher.preferredThreshold && reuse.similarity > (match.rankings.first?.exampleSimilarity ?? 0)
                    && !(facetFit >= FacetMatcher.strongFit && facetFit > reuse.similarity),
            !(namedFacet && facetFit > reuse.similarity)
        {
            // An approved answer to a close question beats a catalogue match that fits less closely.
            return fromLibrary(
                reuse, others: libraryHits.dropFirst(), match: match, allowed: allowed, wantsChoice: wantsChoice, claim: claim,
                setAside: setAside)
        }
        if match.isInScope, !(facetFit >= FacetMatcher.strongFit),
            let reuse = libraryHits.prefix(3).first(where: { coversTheQuestion($0, match: match) })
        {
            return fromLibrary(
                reuse, others: libraryHits.filter { $0.answer.id != reuse.answer.id }[...], match: match,
                allowed: allowed, wantsChoice: wantsChoice, claim: claim, setAside: setAside)
        }
        guard match.isInScope, let primary = match.rankings.first else {
            if let answer = factsOnly(question, intent: intent, allowed: allowed, wantsChoice: wantsChoice, match: match) { return answer }
            // A question only a set-aside approved answer came near is a gap for a person to fill.
            let flags: [AnswerFlag] =
                match.isNearMiss || !setAsideHits.isEmpty ? [.noMatch, .lowConfidence, .needsSME] : [.outOfScope, .lowConfidence]
            return DraftAnswer(choice: nil, text: "", citations: [], confidence: .low, score: 0, flags: flags)
        }

        var flags = Set<AnswerFlag>()
        var citations = Set<Citation>()
        var sentences: [String] = []
        var canonical: ChoiceVocabulary.Canonical?
        let control = primary.entry
        let primaryCitation = Citation(control.ref, kind: control.kind)
        for entry in match.references.crosswalkEntries where control.framework == .iso42001 && entry.iso42001.contains(control.id) {
            citations.insert(Citation(kind: .crosswalk, id: entry.reference))
        }
        // The same requirement in another framework the question also matched (the catalogue's
        // `related` crosswalk, either way round) is cited with its own framework.
        for other in match.rankings.dropFirst()
        where other.entry.framework != control.framework
            && (control.related.contains(other.entry.ref) || other.entry.related.contains(control.ref))
        {
            citations.insert(Citation(other.entry.ref, kind: other.entry.kind))
        }

        let soa = applicability[control.ref]
        // The facet of the control that fits the question (under `--system`, one about no
        // particular system or about the scoped one); without one, the line's own statement.
        let fits = facetFits.filter { fit in
            systemScope.map { fit.facet.systems.isEmpty || fit.facet.systems.contains($0) } ?? true
        }
        let facet = fits.first { $0.similarity >= FacetMatcher.fitThreshold }
        if let soa {
            switch soa.status {
            case .implemented:
                canonical = .yes
                sentences.append(facet?.facet.statement ?? soa.statement)
            case .partial:
                canonical = .partial
                flags.insert(.plannedControl)
                sentences.append(facet?.facet.statement ?? soa.statement)
                if let target = soa.targetDate { sentences.append("Full implementation is planned by \(target).") }
            case .planned:
                canonical = .no
                flags.insert(.plannedControl)
                if let statement = facet?.facet.statement ?? (soa.statement.isEmpty ? nil : soa.statement) { sentences.append(statement) }
                if let target = soa.targetDate { sentences.append("This is planned for implementation by \(target).") }
            case .notApplicable:
                canonical = .notApplicable
                if facet == nil { flags.insert(.notApplicable) }
                if let facet {
                    sentences.append(facet.facet.statement)
                } else if let justification = soa.justification, !justification.isEmpty {
                    sentences.append("This control is not applicable to us: \(justification)\(justification.hasSuffix(".") ? "" : ".")")
                }
            }
        }
        if let facet {
            // The facet's stance answers a yes/no question about its aspect, whatever the line's status.
            switch facet.facet.stance {
            case .yes: canonical = soa?.status == .partial ? .partial : .yes
            case .no: canonical = .no
            case .partial: canonical = .partial
            case .notApplicable: canonical = .notApplicable
            case .none: canonical = nil
            }
        }

        // Answerability: how much of what the question asks the answer's source speaks to. A facet
        // speaks for itself (its aspect, examples, keywords and statement: a close example does not
        // vouch for the words it lacks, "carried out by an outside firm"); a line without facets
        // through its control's wording and statement.
        let coverage: Double
        // The same measured on what the organisation states (the facet, or the line's statement, and
        // the control's own requirement), without the catalogue's example questions and keywords:
        // those say where a question belongs, not that the statement answers it.
        let statedCoverage: Double
        if let facet, let measure = match.facetMatcher {
            coverage = measure.coverage(of: match.terms, by: facet.sourceTerms.union(match.entryTerms))
            statedCoverage = measure.coverage(of: match.terms, by: facet.sourceTerms.union(match.statedTerms))
        } else {
            coverage = match.coverage
            statedCoverage = match.facetMatcher?.coverage(of: match.terms, by: match.statedTerms) ?? coverage
        }
        let matchedTerms = primary.hits.count
        // A question much of whose weight the source does not contain is not answered by it,
        // whether the source is a facet, a line's statement or a line split into facets none of
        // which fits (dev split: below this coverage, 5 of 24 low drafts' choices were right).
        let partial = coverage < AnswerComposer.answeredCoverage
        if partial {
            flags.insert(.partialAnswer)
            // A source that does not speak to what is asked cannot settle it: its status would be a
            // "Yes" drafted around the question. The reviewer chooses (`needs_sme`).
            canonical = nil
        }

        // Facts from the registers, only for the subjects the question itself raises.
        let words = TextAnalyzer.rawWords(question.text)
        var topics = FactTopic.detect(words: words, entry: nil)
        if [.count, .list].contains(intent) {
            for topic in FactTopic.detect(words: words, entry: control) where !topics.contains(topic) { topics.append(topic) }
        }
        if intent == .count, !topics.contains(.inventory), words.contains(where: { $0.hasPrefix("model") || $0.hasPrefix("system") }) {
            topics.insert(.inventory, at: 0)
        }
        // The registers describe the AI management system (its systems, assessments, oversight,
        // incidents); a security or privacy question answered from another framework gets none of
        // that unless it names AI itself: "Is security monitoring in place around the clock?" is not
        // asking about model monitoring.
        if control.framework != .iso42001 && !match.namedSubjects.contains(.iso42001) {
            topics.removeAll { !FactTopic.organisationWide.contains($0) }
        }
        var factCount = 0
        for topic in topics.prefix(3) {
            for fact in facts.facts(for: topic) where !sentences.contains(fact.sentence) {
                sentences.append(fact.sentence)
                citations.formUnion(fact.citations)
                flags.formUnion(fact.flags)
                factCount += 1
            }
        }
        if topics.contains(.customerDataTraining), AnswerComposer.asksIfCustomerDataTrains(question.text) {
            // Decided from the systems in scope: under `--system`, that system alone.
            let trains = content.systems.contains { system in
                system.trainsOnCustomerData && system.lifecycle.status != .retired && (systemScope.map { system.id == $0 } ?? true)
            }
            canonical = trains ? .yes : .no
        }

        // Evidence: public documents by title, NDA ones offered, internal ones never named.
        let evidenceIDs = (facet.map { $0.facet.evidence.isEmpty ? nil : $0.facet.evidence } ?? nil) ?? soa?.evidence ?? []
        let documents = evidenceIDs.compactMap { evidence[$0] }
        if documents.contains(where: { $0.nextReview < asOf }) { flags.insert(.staleEvidence) }
        let shareable = documents.filter { $0.confidentiality != .internal }
        if intent == .evidence && documents.contains(where: { $0.confidentiality == .internal }) { flags.insert(.evidenceWithheld) }
        if intent == .evidence && shareable.isEmpty { flags.insert(.needsSME) }
        for item in shareable { citations.insert(Citation(kind: .evidence, id: item.id)) }
        let evidenceSentence = AnswerComposer.describeEvidence(shareable, leading: intent == .evidence)
        if let evidenceSentence {
            if intent == .evidence { sentences.insert(evidenceSentence, at: 0) } else { sentences.append(evidenceSentence) }
        }

        if soa == nil && factCount == 0 && evidenceSentence == nil { flags.insert(.needsSME) }
        if [.count, .date, .list].contains(intent) && factCount == 0 { flags.insert(.needsSME) }

        // A statement that denies what is asked ("No engineer has standing administrative access"
        // for "Do engineers hold permanent admin rights?") answers No, whatever its control's status.
        var denial: String?
        if wantsChoice, canonical == .yes, let measure = match.facetMatcher {
            denial = DenialFinder.denial(
                asked: question.text, questionTerms: match.terms.weightedWords, in: facet?.facet.statement ?? soa?.statement ?? "",
                terms: { measure.terms(of: [$0]) })
            if denial != nil { canonical = .no }
        }

        var choice: String?
        if wantsChoice, let canonical {
            choice = ChoiceVocabulary.value(for: canonical, allowed: allowed)
            if choice == nil { flags.insert(.valueNotAllowed) }
        } else if wantsChoice {
            flags.insert(.needsSME)
        }

        let top = primary.score
        let second = match.rankings.dropFirst().first?.score ?? 0
        let signals = ConfidenceSignals(
            matchScore: QuestionMatcher.rounded(top),
            exampleSimilarity: QuestionMatcher.rounded(primary.exampleSimilarity),
            margin: QuestionMatcher.rounded(top > 0 ? min(1, (top - second) / top * 3) : 0),
            coverage: QuestionMatcher.rounded(coverage), statedCoverage: QuestionMatcher.rounded(statedCoverage), matchedTerms: matchedTerms,
            facetFit: facet.map { QuestionMatcher.rounded($0.similarity) },
            rivalLibrarySimilarity: libraryHits.first.map { QuestionMatcher.rounded($0.similarity) },
            differentClaim: describe(setAside, claim: claim), denial: denial)
        let score = AnswerComposer.confidenceScore(signals, flags: flags)
        let facetID = facet.map { "\(control.ref.description)#\($0.facet.id)" }
        let confidence = AnswerComposer.level(score)
        if confidence == .low { flags.insert(.lowConfidence) }
        // The control the answer rests on comes first: the evidence pack and the review workbook
        // file the answer under it.
        citations.remove(primaryCitation)
        return DraftAnswer(
            choice: choice, text: sentences.joined(separator: " "), citations: [primaryCitation] + citations.sorted(),
            confidence: confidence, score: QuestionMatcher.rounded(score), flags: flags.sorted(),
            facet: facetID, signals: signals,
            source: facetID.map { AnswerSource(kind: .facet, id: $0) } ?? AnswerSource(kind: .control, id: control.ref.description))
    }

    /// A follow-up row ("If yes, describe its membership") is matched with its parent, so its draft
    /// can simply repeat the parent's source. When the draft's text holds too little of what the
    /// follow-up itself asks, it is a partial answer: at most low confidence, for a person to finish.
    package func checkFollowUp(_ answer: DraftAnswer, asking terms: TextAnalyzer.Terms, match: QuestionMatcher.Result) -> DraftAnswer {
        guard let measure = match.facetMatcher, !answer.text.isEmpty, !terms.all.isEmpty else { return answer }
        let covered = measure.coverage(of: terms, by: measure.terms(of: [answer.text]))
        guard covered < AnswerComposer.answeredCoverage else { return answer }
        return AnswerComposer.partial(answer)
    }

    /// `answer` marked as answering only part of what is asked: flagged `partial_answer`, low.
    private static func partial(_ answer: DraftAnswer) -> DraftAnswer {
        var answer = answer
        answer.flags = Array(Set(answer.flags).union([.partialAnswer, .lowConfidence])).sorted()
        answer.score = min(answer.score, QuestionMatcher.rounded(mediumScore - 0.01))
        answer.confidence = .low
        return answer
    }

    /// An approved answer whose own question and answer hold nearly all of what is asked answers a
    /// paraphrase better than a control's general statement ("Is SSO supported for customer users?").
    private func coversTheQuestion(_ hit: LibraryMatcher.Hit, match: QuestionMatcher.Result) -> Bool {
        guard let covered = match.libraryCoverage[hit.answer.id] else { return false }
        return covered >= AnswerComposer.libraryCoverage
    }

    /// At or above this coverage of the question by a library answer's question and answer, a
    /// related library answer (``LibraryMatcher/relatedThreshold``) is reused (fitted on the answer set's dev split).
    static let libraryCoverage = 0.8

    /// Below this coverage, the source does not answer the question: it is drafted as
    /// `partial_answer`, with no choice, at most low.
    static let answeredCoverage = 0.6
    /// Confidence levels' lower bounds, fitted on the answer set's dev split
    /// (`scripts/eval/calibrate_confidence.py --wilson 1.28`, see BENCHMARKS.md): the lowest at which
    /// the Wilson lower bound of the dev precision reaches 0.97 for high and 0.88 for high and
    /// medium, so the levels keep room to spare on questions they were not fitted on.
    static let highScore = 0.88
    static let mediumScore = 0.731

    /// Weights of the confidence signals, fitted with the thresholds (they sum to 1). Coverage (how
    /// much of the question the source's own texts hold) weighs most: a close wording that lacks
    /// the words saying what is asked ("published openly", "by an outside firm") does not answer it.
    /// The fit (a facet's, or a library answer's similarity) tells a draft that answers the aspect
    /// asked from one resting on a control's general statement, which is capped at low.
    static let weights = (matchScore: 0.1, exampleSimilarity: 0.1, coverage: 0.7, fit: 0.1, margin: 0.0)

    static func level(_ score: Double) -> Confidence { score >= highScore ? .high : score >= mediumScore ? .medium : .low }

    /// Confidence from the measured signals: how strongly and how closely the question matched its
    /// entry, how much of it the answer's source covers, how closely the facet or library answer
    /// fits, and by how far the source leads the next one. A match resting on one shared word, or a
    /// source that answers another aspect, cannot be high; flags a reviewer must act on lower it.
    static func confidenceScore(_ signals: ConfidenceSignals, flags: Set<AnswerFlag>) -> Double {
        let fit =
            signals.facetFit.map { min(1, $0 / 0.7) }
            ?? signals.librarySimilarity.map { min(1, $0 / LibraryMatcher.reuseThreshold) }
            ?? 0
        let weights = AnswerComposer.weights
        var score =
            weights.matchScore * min(1, signals.matchScore / 20)
            + weights.exampleSimilarity * min(1, signals.exampleSimilarity / 0.6)
            + weights.coverage * signals.coverage + weights.fit * fit + weights.margin * min(1, max(0, signals.margin))
        let strongSource =
            (signals.facetFit ?? 0) >= FacetMatcher.strongFit
            || (signals.librarySimilarity ?? 0) >= LibraryMatcher.preferredThreshold
        if signals.matchedTerms <= 1 && !strongSource { score = min(score, highScore - 0.05) }
        // A question the catalogue places under the control but whose words the organisation's own
        // statement mostly lacks ("an EU representative under Article 27" beside a statement on
        // privacy complaints) is answered only as far as the statement goes: not high.
        if let stated = signals.statedCoverage, stated < answeredCoverage { score = min(score, highScore - 0.01) }
        // A control's general statement, with no facet or approved answer that fits the question,
        // only touches the buyer's narrower question more often than not (dev split: 37 of 47 such
        // mediums right, under the 0.88 that high and medium together must reach; on Google's VSAQ,
        // three of four wrong: a laptop screen lock for session time-outs, the internal audit for
        // sharing audit reports). It is low, for a reviewer to read.
        if signals.facetFit == nil && signals.librarySimilarity == nil { score = min(score, mediumScore - 0.01) }
        if flags.contains(.partialAnswer) { score = min(score, mediumScore - 0.01) }
        if flags.contains(.needsSME) { score -= 0.25 }
        if flags.contains(.staleEvidence) || flags.contains(.overdueAssessment) { score -= 0.1 }
        if flags.contains(.plannedControl) || flags.contains(.valueNotAllowed) { score -= 0.15 }
        return min(1, max(0, score))
    }

    /// An answer from the registers alone (certifications, inventory, incidents, suppliers) for a
    /// question no catalogue entry matched; still flagged `no_match` so a reviewer sees no control backs it.
    private func factsOnly(
        _ question: Question, intent: Intent, allowed: [String]?, wantsChoice: Bool,
        match: QuestionMatcher.Result
    ) -> DraftAnswer? {
        let aboutAI = match.namedSubjects.contains(.iso42001)
        let topics = FactTopic.detect(words: TextAnalyzer.rawWords(question.text), entry: nil)
            .filter { [.certification, .inventory, .incidents, .suppliers].contains($0) }
            .filter { aboutAI || FactTopic.organisationWide.contains($0) }
        var sentences: [String] = []
        var citations = Set<Citation>()
        var flags: Set<AnswerFlag> = [.noMatch]
        for topic in topics.prefix(2) {
            for fact in facts.facts(for: topic) where !sentences.contains(fact.sentence) {
                sentences.append(fact.sentence)
                citations.formUnion(fact.citations)
                flags.formUnion(fact.flags)
            }
        }
        guard !sentences.isEmpty, !citations.isEmpty else { return nil }
        var choice: String?
        if wantsChoice {
            flags.insert(.needsSME)
        }
        if wantsChoice, topics.first == .certification,
            content.organisation.certifications.contains(where: { $0.status == .certified })
        {
            choice = ChoiceVocabulary.value(for: .yes, allowed: allowed)
            if choice == nil { flags.insert(.valueNotAllowed) } else { flags.remove(.needsSME) }
        }
        let score = flags.contains(.needsSME) ? 0.4 : 0.55
        let confidence = AnswerComposer.level(score)
        if confidence == .low { flags.insert(.lowConfidence) }
        return DraftAnswer(
            choice: choice, text: sentences.joined(separator: " "), citations: citations.sorted(),
            confidence: confidence, score: score, flags: flags.sorted(),
            source: AnswerSource(kind: .facts, id: topics[0].rawValue))
    }

    private func fromLibrary(
        _ hit: LibraryMatcher.Hit, others: ArraySlice<LibraryMatcher.Hit>, match: QuestionMatcher.Result,
        allowed: [String]?, wantsChoice: Bool, claim: Set<Int>, setAside: [SetAside]
    ) -> DraftAnswer {
        let answer = hit.answer
        // The facet of the approved answer that fits the aspect asked answers instead of the whole,
        // unless its example asserts something else than the question does.
        let fits = (match.facetMatcher?.fits(match.terms, forLibrary: answer.id, scope: systemScope) ?? [])
            .filter { $0.similarity >= FacetMatcher.fitThreshold }
        let facet = fits.first { !$0.makesAnotherClaim(than: claim) }
        let setAsideHere =
            setAside
            + fits.filter { $0.makesAnotherClaim(than: claim) }
            .map { SetAside(id: "\(answer.id)#\($0.facet.id)", wording: $0.matchedExample, predicates: $0.matchedPredicates) }
        var flags: Set<AnswerFlag> = [.libraryReuse]
        // No catalogue entry backs a reused answer the matcher found through the library alone.
        if match.rankings.isEmpty { flags.insert(.noMatch) }
        let rivals = others.filter { $0.similarity >= LibraryMatcher.reuseThreshold && $0.answer.choice != answer.choice }
        if !rivals.isEmpty { flags.insert(.conflictingLibraryAnswers) }
        var citations: Set<Citation> = [Citation(kind: .library, id: answer.id)]
        for control in answer.controls {
            citations.insert(Citation(control, kind: catalogueKinds[control] ?? .control))
        }
        for id in facet.map({ $0.facet.evidence.isEmpty ? answer.evidence : $0.facet.evidence }) ?? answer.evidence {
            guard let item = evidence[id] else { continue }
            if item.nextReview < asOf { flags.insert(.staleEvidence) }
            if item.confidentiality != .internal { citations.insert(Citation(kind: .evidence, id: id)) }
        }
        citations.formUnion(
            answer.systems.filter { system in systemScope.map { system == $0 } ?? true }
                .map { Citation(kind: .system, id: $0) })
        for id in answer.assessments {
            citations.insert(Citation(kind: .assessment, id: id))
            if let next = content.assessments.first(where: { $0.id == id })?.nextReview, next < asOf { flags.insert(.overdueAssessment) }
        }
        var choice: String?
        let stance: String? =
            facet.map { fit in
                switch fit.facet.stance {
                case .yes: "Yes"
                case .no: "No"
                case .partial: "Partial"
                case .notApplicable: "N/A"
                case .none: nil
                }
            } ?? answer.choice
        if wantsChoice && stance == nil { flags.insert(.needsSME) }
        if wantsChoice, let stored = stance {
            if let canonical = ChoiceVocabulary.Canonical.allCases.first(where: { $0.rawValue.lowercased() == stored.lowercased() }) {
                choice = ChoiceVocabulary.value(for: canonical, allowed: allowed)
            } else {
                choice = allowed == nil || allowed!.contains(stored) ? stored : nil
            }
            if choice == nil { flags.insert(.valueNotAllowed) }
        }
        let best = match.rankings.first
        let signals = ConfidenceSignals(
            matchScore: QuestionMatcher.rounded(best?.score ?? 0),
            exampleSimilarity: QuestionMatcher.rounded(best?.exampleSimilarity ?? 0),
            margin: QuestionMatcher.rounded(hit.similarity - (others.first?.similarity ?? 0)),
            coverage: QuestionMatcher.rounded(match.libraryCoverage[answer.id] ?? hit.similarity),
            matchedTerms: best?.hits.count ?? 0,
            facetFit: facet.map { QuestionMatcher.rounded($0.similarity) },
            librarySimilarity: QuestionMatcher.rounded(hit.similarity), differentClaim: describe(setAsideHere, claim: claim))
        if flags.contains(.conflictingLibraryAnswers) { flags.insert(.needsSME) }
        let score = AnswerComposer.confidenceScore(signals, flags: flags)
        let confidence = AnswerComposer.level(score)
        if confidence == .low { flags.insert(.lowConfidence) }
        var provenance = "\(answer.id): approved by \(answer.approvedBy) on \(answer.approvedDate) (source: \(answer.source)); question similarity \(QuestionMatcher.format(hit.similarity))"
        // Which wording matched (an alternate question or a facet's example) tells a reviewer why it was reused.
        if hit.matchedQuestion != answer.question { provenance += " to \"\(hit.matchedQuestion)\"" }
        let sourceID = facet.map { "\(answer.id)#\($0.facet.id)" } ?? answer.id
        // A library or learned answer that names an internal document would carry it to the buyer:
        // its text is withheld (the reviewer sees which answer and why, never the document).
        var text = facet?.facet.statement ?? answer.answer
        var shownConfidence = confidence
        if !internalReferences.hits(in: text).isEmpty {
            text = ""
            flags.formUnion([.internalReference, .needsSME, .lowConfidence])
            shownConfidence = .low
            provenance += "; its text is withheld because it names internal evidence (`kb check` shows where)"
        }
        return DraftAnswer(
            choice: choice, text: text, citations: citations.sorted(),
            confidence: shownConfidence, score: QuestionMatcher.rounded(max(0, score)), flags: flags.sorted(),
            provenance: provenance, facet: facet.map { _ in sourceID }, signals: signals,
            source: AnswerSource(kind: .library, id: sourceID))
    }

    /// Whether a question of this intent takes a choice the source must assert: a yes/no question,
    /// or a statement to confirm.
    static func checksClaim(_ intent: Intent) -> Bool { intent == .yesno || intent == .statement }

    /// A library answer or facet set aside because the wording that fit asserts another claim.
    private struct SetAside {
        var id: String
        var wording: String
        var predicates: Set<Int>
    }

    /// What a reviewer reads of the sources set aside: what each one's wording asserts, and what the
    /// question asks.
    private func describe(_ sources: [SetAside], claim: Set<Int>) -> String? {
        guard !sources.isEmpty else { return nil }
        let named = sources.map { "\($0.id) \"\($0.wording)\" asserts \(predicates.describe($0.predicates))" }
        return (named + ["the question asks \(predicates.describe(claim))"]).joined(separator: "; ")
    }

    /// "Is customer data used to train ...?" as opposed to "Do your contracts prohibit training on our data?".
    static func asksIfCustomerDataTrains(_ text: String) -> Bool {
        let lower = text.lowercased()
        let negations = ["prohibit", "prevent", "forbid", "restrict", "opt out", "opt-out", "not ", "never", "contract"]
        guard !negations.contains(where: lower.contains) else { return false }
        return ["is ", "are ", "do ", "does ", "will ", "can "].contains { lower.hasPrefix($0) }
    }

    static func describeEvidence(_ documents: [EvidenceItem], leading: Bool) -> String? {
        guard !documents.isEmpty else { return nil }
        let items = documents.sorted { $0.id < $1.id }.map { item -> String in
            switch item.confidentiality {
            case .public: "\(item.title) (v\(item.version), \(item.location))"
            case .nda: "\(item.title) (available under NDA)"
            case .internal: ""
            }
        }.filter { !$0.isEmpty }
        return (leading ? "Documents we can provide: " : "Supporting documents: ") + items.joined(separator: "; ") + "."
    }
}
