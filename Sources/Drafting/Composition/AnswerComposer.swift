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
    /// Finds internal evidence named in a reused answer's text.
    private let internalReferences: InternalReferenceScanner

    package init(content: KnowledgeBaseContent, asOf: String, systemScope: String?) {
        self.content = content
        self.asOf = asOf
        facts = FactFinder(content: content, asOf: asOf, systemScope: systemScope)
        applicability = Dictionary(content.applicability.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        evidence = Dictionary(content.evidence.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        catalogueKinds = Dictionary(content.catalogue.map { ($0.ref, $0.kind) }, uniquingKeysWith: { first, _ in first })
        internalReferences = InternalReferenceScanner(evidence: content.evidence)
    }

    package func compose(_ question: Question, intent: Intent, match: QuestionMatcher.Result) -> DraftAnswer {
        let allowed = question.answerCells.first { $0.kind == .choice }?.allowed
        let wantsChoice = question.answerCells.contains { $0.kind == .choice } || intent == .yesno || intent == .statement
        if let reuse = match.libraryHits.first, reuse.similarity >= LibraryMatcher.reuseThreshold
            || reuse.similarity >= LibraryMatcher.preferredThreshold && reuse.similarity > (match.rankings.first?.exampleSimilarity ?? 0) {
            // An approved answer to a close question beats a catalogue match that fits less closely.
            return fromLibrary(reuse, others: match.libraryHits.dropFirst(), match: match, allowed: allowed, wantsChoice: wantsChoice)
        }
        guard match.isInScope, let primary = match.rankings.first else {
            if let answer = factsOnly(question, intent: intent, allowed: allowed, wantsChoice: wantsChoice) { return answer }
            let flags: [AnswerFlag] = match.isNearMiss ? [.noMatch, .lowConfidence, .needsSME] : [.outOfScope, .lowConfidence]
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
        for other in match.rankings.dropFirst() where other.entry.framework != control.framework
            && (control.related.contains(other.entry.ref) || other.entry.related.contains(control.ref)) {
            citations.insert(Citation(other.entry.ref, kind: other.entry.kind))
        }

        let soa = applicability[control.ref]
        if let soa {
            switch soa.status {
            case .implemented:
                canonical = .yes
                sentences.append(soa.statement)
            case .partial:
                canonical = .partial
                flags.insert(.plannedControl)
                sentences.append(soa.statement)
                if let target = soa.targetDate { sentences.append("Full implementation is planned by \(target).") }
            case .planned:
                canonical = .no
                flags.insert(.plannedControl)
                if !soa.statement.isEmpty { sentences.append(soa.statement) }
                if let target = soa.targetDate { sentences.append("This is planned for implementation by \(target).") }
            case .notApplicable:
                canonical = .notApplicable
                flags.insert(.notApplicable)
                if let justification = soa.justification, !justification.isEmpty {
                    sentences.append("This control is not applicable to us: \(justification)\(justification.hasSuffix(".") ? "" : ".")")
                }
            }
        }

        // Facts from the registers, for the subjects the question raises.
        let words = TextAnalyzer.rawWords(question.text)
        var topics = FactTopic.detect(words: words, entry: control)
        if intent == .count, !topics.contains(.inventory), words.contains(where: { $0.hasPrefix("model") || $0.hasPrefix("system") }) {
            topics.insert(.inventory, at: 0)
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
            let trains = content.systems.contains { $0.trainsOnCustomerData && $0.lifecycle.status != .retired }
            canonical = trains ? .yes : .no
        }

        // Evidence: public documents by title, NDA ones offered, internal ones never named.
        let documents = (soa?.evidence ?? []).compactMap { evidence[$0] }
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

        var choice: String?
        if wantsChoice, let canonical {
            choice = ChoiceVocabulary.value(for: canonical, allowed: allowed)
            if choice == nil { flags.insert(.valueNotAllowed) }
        } else if wantsChoice {
            flags.insert(.needsSME)
        }

        let score = confidenceScore(match: match, hasStatement: soa != nil, factCount: factCount, flags: flags)
        let confidence: Confidence = score >= 0.7 ? .high : score >= 0.45 ? .medium : .low
        if confidence == .low { flags.insert(.lowConfidence) }
        // The control the answer rests on comes first: the evidence pack and the review workbook
        // file the answer under it.
        citations.remove(primaryCitation)
        return DraftAnswer(choice: choice, text: sentences.joined(separator: " "), citations: [primaryCitation] + citations.sorted(),
                           confidence: confidence, score: QuestionMatcher.rounded(score), flags: flags.sorted())
    }

    /// An answer from the registers alone (certifications, inventory, incidents, suppliers) for a
    /// question no catalogue entry matched; still flagged `no_match` so a reviewer sees no control backs it.
    private func factsOnly(_ question: Question, intent: Intent, allowed: [String]?, wantsChoice: Bool) -> DraftAnswer? {
        let topics = FactTopic.detect(words: TextAnalyzer.rawWords(question.text), entry: nil)
            .filter { [.certification, .inventory, .incidents, .suppliers].contains($0) }
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
           content.organisation.certifications.contains(where: { $0.status == .certified }) {
            choice = ChoiceVocabulary.value(for: .yes, allowed: allowed)
            if choice == nil { flags.insert(.valueNotAllowed) } else { flags.remove(.needsSME) }
        }
        let score = flags.contains(.needsSME) ? 0.4 : 0.55
        let confidence: Confidence = score >= 0.45 ? .medium : .low
        if confidence == .low { flags.insert(.lowConfidence) }
        return DraftAnswer(choice: choice, text: sentences.joined(separator: " "), citations: citations.sorted(),
                           confidence: confidence, score: score, flags: flags.sorted())
    }

    private func fromLibrary(_ hit: LibraryMatcher.Hit, others: ArraySlice<LibraryMatcher.Hit>, match: QuestionMatcher.Result,
                             allowed: [String]?, wantsChoice: Bool) -> DraftAnswer {
        let answer = hit.answer
        var flags: Set<AnswerFlag> = [.libraryReuse]
        // No catalogue entry backs a reused answer the matcher found through the library alone.
        if match.rankings.isEmpty { flags.insert(.noMatch) }
        let rivals = others.filter { $0.similarity >= LibraryMatcher.reuseThreshold && $0.answer.choice != answer.choice }
        if !rivals.isEmpty { flags.insert(.conflictingLibraryAnswers) }
        var citations: Set<Citation> = [Citation(kind: .library, id: answer.id)]
        for control in answer.controls {
            citations.insert(Citation(control, kind: catalogueKinds[control] ?? .control))
        }
        for id in answer.evidence {
            guard let item = evidence[id] else { continue }
            if item.nextReview < asOf { flags.insert(.staleEvidence) }
            if item.confidentiality != .internal { citations.insert(Citation(kind: .evidence, id: id)) }
        }
        citations.formUnion(answer.systems.map { Citation(kind: .system, id: $0) })
        for id in answer.assessments {
            citations.insert(Citation(kind: .assessment, id: id))
            if let next = content.assessments.first(where: { $0.id == id })?.nextReview, next < asOf { flags.insert(.overdueAssessment) }
        }
        var choice: String?
        if wantsChoice && answer.choice == nil { flags.insert(.needsSME) }
        if wantsChoice, let stored = answer.choice {
            if let canonical = ChoiceVocabulary.Canonical.allCases.first(where: { $0.rawValue.lowercased() == stored.lowercased() }) {
                choice = ChoiceVocabulary.value(for: canonical, allowed: allowed)
            } else {
                choice = allowed == nil || allowed!.contains(stored) ? stored : nil
            }
            if choice == nil { flags.insert(.valueNotAllowed) }
        }
        var score = hit.similarity >= LibraryMatcher.reuseThreshold
            ? 0.7 + 0.3 * (hit.similarity - LibraryMatcher.reuseThreshold) / (1 - LibraryMatcher.reuseThreshold)
            : 0.5 + 0.15 * (hit.similarity - LibraryMatcher.preferredThreshold) / (LibraryMatcher.reuseThreshold - LibraryMatcher.preferredThreshold)
        if flags.contains(.conflictingLibraryAnswers) || flags.contains(.staleEvidence) || flags.contains(.valueNotAllowed) { score -= 0.2 }
        let confidence: Confidence = score >= 0.7 ? .high : score >= 0.45 ? .medium : .low
        if confidence == .low { flags.insert(.lowConfidence) }
        var provenance = "\(answer.id): approved by \(answer.approvedBy) on \(answer.approvedDate) (source: \(answer.source)); question similarity \(QuestionMatcher.format(hit.similarity))"
        // A library or learned answer that names an internal document would carry it to the buyer:
        // its text is withheld (the reviewer sees which answer and why, never the document).
        var text = answer.answer
        var shownConfidence = confidence
        if !internalReferences.hits(in: answer.answer).isEmpty {
            text = ""
            flags.formUnion([.internalReference, .needsSME, .lowConfidence])
            shownConfidence = .low
            provenance += "; its text is withheld because it names internal evidence (`kb check` shows where)"
        }
        return DraftAnswer(choice: choice, text: text, citations: citations.sorted(), confidence: shownConfidence,
                           score: QuestionMatcher.rounded(max(0, score)), flags: flags.sorted(), provenance: provenance)
    }

    private func confidenceScore(match: QuestionMatcher.Result, hasStatement: Bool, factCount: Int, flags: Set<AnswerFlag>) -> Double {
        let top = match.rankings.first?.score ?? 0
        let second = match.rankings.dropFirst().first?.score ?? 0
        // How well the question fits its best entry: lexical strength and closeness to an example.
        let strength = 0.5 * min(1, top / 20) + 0.5 * min(1, (match.rankings.first?.exampleSimilarity ?? 0) / 0.6)
        let margin = top > 0 ? min(1, (top - second) / top * 3) : 0
        var score = (hasStatement ? 0.25 : 0) + 0.55 * strength + 0.1 * margin + (factCount > 0 ? 0.1 : 0)
        if flags.contains(.needsSME) { score -= 0.25 }
        if flags.contains(.staleEvidence) || flags.contains(.overdueAssessment) { score -= 0.1 }
        if flags.contains(.plannedControl) || flags.contains(.valueNotAllowed) { score -= 0.15 }
        return min(1, max(0, score))
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
