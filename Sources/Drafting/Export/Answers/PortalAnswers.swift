import Foundation
import KnowledgeBase
import ResponderModel
import RunStore

/// A run's answers as a supplier portal takes them: one row per question, in the buyer's order,
/// with what the buyer may see of the sources.
///
/// Buyer-facing by the same rules as ``EvidencePack`` and ``RunExporter``: controls are named
/// with their framework and title; public evidence by title and location, NDA evidence by title as
/// available under NDA, internal evidence never (nor inventory, assessment, library or crosswalk
/// keys); no reviewer names. An answer text the export would refuse for a cell (too long, or
/// naming internal evidence: ``AnswerTextPolicy``) is left out and listed in ``withheld``.
public struct PortalAnswers: Sendable, Hashable {
    /// One source an answer rests on, as the buyer may see it.
    public struct Citation: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case control, evidence
        }

        public var kind: Kind
        /// The framework code (`iso27001`) of a control; nil for evidence.
        public var framework: String?
        /// The control's ID (`A.8.24`); nil for evidence, whose register IDs stay in-house.
        public var id: String?
        /// The control's or the document's title.
        public var title: String
        /// `public` or `nda` for evidence; nil for a control.
        public var availability: String?
        /// Where public evidence is published; nil otherwise.
        public var location: String?
        /// The citation as one line: `ISO/IEC 27001 A.8.24 Use of cryptography`,
        /// `SOC 2 Type II Report (https://...)`, `Penetration test summary (available under NDA)`.
        public var text: String
    }

    /// One question and its answer.
    public struct Row: Sendable, Hashable {
        /// The buyer's question ID; empty when the question has none.
        public var id: String
        public var sheet: String
        /// 1-based row in the buyer's sheet (the line in a CSV).
        public var row: Int
        public var question: String
        /// The answer's choice (`Yes`), nil when there is none.
        public var choice: String?
        /// The narrative; empty for questions without a reviewed answer.
        public var answer: String
        public var citations: [Citation]
        /// `approved`, `edited`, `rejected`, `undecided`, or `draft` (an undecided draft written on request).
        public var status: String
        /// When the reviewer decided (ISO 8601 UTC); nil when undecided.
        public var decidedAt: String?
    }

    /// The buyer's file name.
    public var questionnaire: String
    /// Every question of the run, in the buyer's order.
    public var rows: [Row]
    /// Keys whose answer was left out, each with why (`AI!AIG-04: the text names internal evidence: ...`).
    public var withheld: [String]

    /// Rows carrying an approved or edited answer (or, on request, a draft).
    public var answered: Int { rows.filter { !$0.answer.isEmpty || $0.choice != nil }.count }

    /// Builds the answers of `run`, naming controls and evidence from `content`.
    /// - Parameter includeDrafts: also give undecided drafts, their text prefixed ``RunExporter/draftPrefix``.
    public init(
        run: RunSummary, questions: [RunQuestion], decisions: [ReviewDecision], content: KnowledgeBaseContent,
        includeDrafts: Bool = false
    ) {
        questionnaire = URL(fileURLWithPath: run.path).lastPathComponent
        let byKey = Dictionary(decisions.map { ($0.key, $0) }) { first, _ in first }
        let catalogue = Dictionary(content.catalogue.map { ($0.ref, $0) }) { first, _ in first }
        let evidence = Dictionary(content.evidence.map { ($0.id, $0) }) { first, _ in first }
        let scanner = InternalReferenceScanner(evidence: content.evidence)
        var withheld: [String] = []
        rows = questions.map { question in
            let decision = byKey[question.key]
            var choice: String?
            var answer = ""
            let status: String
            switch decision?.status {
            case .approved?, .edited?:
                choice = decision?.choice
                answer = decision?.text ?? ""
                status = decision?.status.rawValue ?? ""
            case .rejected?:
                status = "rejected"
            case nil where includeDrafts && (question.draftChoice != nil || !question.draftText.isEmpty):
                choice = question.draftChoice
                answer = question.draftText.isEmpty ? "" : RunExporter.draftPrefix + question.draftText
                status = "draft"
            case nil:
                status = "undecided"
            }
            if let reason = AnswerTextPolicy.refusal(ofEdit: answer, internalReferences: scanner) {
                withheld.append("\(question.key): \(reason)")
                answer = ""
            }
            return Row(
                id: question.questionId, sheet: question.sheet, row: question.row, question: question.text,
                choice: choice.flatMap { $0.isEmpty ? nil : $0 }, answer: answer,
                citations: Self.citations(question, catalogue: catalogue, evidence: evidence, content: content),
                status: status, decidedAt: decision?.decidedAt)
        }
        self.withheld = withheld
    }

    /// The draft's controls and non-internal evidence, in the draft's order, each once.
    private static func citations(
        _ question: RunQuestion, catalogue: [ControlRef: CatalogueEntry], evidence: [String: EvidenceItem],
        content: KnowledgeBaseContent
    ) -> [Citation] {
        var seen = Set<Citation>()
        var result: [Citation] = []
        for citation in question.citations.compactMap(ResponderModel.Citation.init(encoded:)) {
            let entry: Citation
            if citation.kind == .control || citation.kind == .clause, let ref = citation.controlRef {
                let framework = content.title(of: ref.framework)
                let title = catalogue[ref]?.title ?? ""
                entry = Citation(
                    kind: .control, framework: ref.framework.rawValue, id: ref.id, title: title,
                    availability: nil, location: nil,
                    text: "\(framework) \(ref.id)" + (title.isEmpty ? "" : " \(title)"))
            } else if citation.kind == .evidence, let item = evidence[citation.id], item.confidentiality != .internal {
                let location = item.confidentiality == .public && !item.location.isEmpty ? item.location : nil
                entry = Citation(
                    kind: .evidence, framework: nil, id: nil, title: item.title, availability: item.confidentiality.rawValue,
                    location: location,
                    text: item.title + (item.confidentiality == .nda ? " (available under NDA)" : location.map { " (\($0))" } ?? ""))
            } else {
                continue
            }
            if seen.insert(entry).inserted { result.append(entry) }
        }
        return result
    }
}
