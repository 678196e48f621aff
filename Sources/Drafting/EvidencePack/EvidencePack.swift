import Foundation
import KnowledgeBase
import RunStore
import ResponderModel

/// The company's reviewed answers to one questionnaire, for the buyer: the approved and edited
/// answers grouped by framework and control, and the evidence they rest on.
///
/// What goes to a buyer only: no reviewer names, decision counts, run or store keys, and never
/// internal evidence (not its ID, title or location); NDA evidence is named by title and marked
/// available under NDA; public evidence keeps its title and location. `coverage` is for the person
/// exporting and is not rendered. Built from the store's records only, so the same store and
/// knowledge base always give the same pack.
public struct EvidencePack: Sendable, Hashable {
    /// How far the review got.
    public struct Coverage: Sendable, Hashable {
        public var questions: Int
        public var approved: Int
        public var edited: Int
        public var rejected: Int
        public var undecided: Int
    }

    /// A piece of evidence a buyer may be told about.
    public struct Evidence: Sendable, Hashable {
        public var title: String
        /// `public` or `nda` (internal evidence is never included).
        public var confidentiality: Confidentiality
        /// The public location; nil for NDA evidence.
        public var location: String?
    }

    /// One approved or edited answer, as the buyer reads it.
    public struct Answer: Sendable, Hashable {
        /// The buyer's own reference: the question's ID, or its sheet and row when it has none.
        public var reference: String
        public var question: String
        /// The choice and the narrative as one answer ("Yes. We ..."), the choice never doubled.
        public var answer: String
        public var evidence: [Evidence]
    }

    /// The answers resting on one control (or on none: `control` nil).
    public struct Group: Sendable, Hashable {
        /// The control the answers rest on, with its framework; nil for answers no control backs.
        public var control: ControlRef?
        /// The control's framework's display name (`ISO/IEC 27001`).
        public var frameworkTitle: String?
        public var title: String?
        public var answers: [Answer]
    }

    public var run: RunSummary
    /// The company answering (`organisation.yaml`).
    public var organisation: String
    /// The buyer's file name.
    public var questionnaire: String
    public var coverage: Coverage
    /// Controls in catalogue order, answers without a control last.
    public var groups: [Group]
    /// Every evidence item cited by an answer of the pack, by title.
    public var evidence: [Evidence]

    /// Builds the pack of `run` from its questions and decisions, naming controls and evidence from `content`.
    ///
    /// An answer's control is the first control or clause its draft cited; groups run framework
    /// by framework.
    public init(run: RunSummary, questions: [RunQuestion], decisions: [ReviewDecision], content: KnowledgeBaseContent) {
        self.run = run
        organisation = content.organisation.name
        questionnaire = URL(fileURLWithPath: run.path).lastPathComponent
        let byKey = Dictionary(decisions.map { ($0.key, $0) }) { first, _ in first }
        let decided = questions.compactMap { byKey[$0.key] }
        coverage = Coverage(
            questions: questions.count, approved: decided.filter { $0.status == .approved }.count,
            edited: decided.filter { $0.status == .edited }.count,
            rejected: decided.filter { $0.status == .rejected }.count,
            undecided: questions.count - decided.count)
        let catalogue = Dictionary(content.catalogue.enumerated().map { ($1.ref, (position: $0, entry: $1)) }) { first, _ in first }
        let items = Dictionary(content.evidence.map { ($0.id, $0) }) { first, _ in first }
        var grouped: [ControlRef?: [Answer]] = [:]
        var cited: Set<Evidence> = []
        for question in questions {
            guard let decision = byKey[question.key], decision.status != .rejected else { continue }
            let citations = question.citations.compactMap { Citation(encoded: $0) }
            let control = citations.lazy.compactMap(\.controlRef).first { catalogue[$0] != nil }
            let evidence = citations.filter { $0.kind == .evidence }.compactMap { items[$0.id] }
                .filter { $0.confidentiality != .internal }
                .map { Evidence(title: $0.title, confidentiality: $0.confidentiality, location: $0.confidentiality == .public ? $0.location : nil) }
            cited.formUnion(evidence)
            let reference = question.questionId.isEmpty ? "\(question.sheet), row \(question.row)" : question.questionId
            let text = decision.text.flatMap { $0.isEmpty ? nil : $0 }
            grouped[control, default: []].append(
                Answer(
                    reference: reference, question: question.text,
                    answer: RunExporter.combined(choice: decision.choice, narrative: text) ?? "",
                    evidence: evidence.sorted(by: Self.order)))
        }
        groups = grouped.map { control, answers in
            Group(
                control: control, frameworkTitle: control.map { content.title(of: $0.framework) },
                title: control.flatMap { catalogue[$0]?.entry.title }, answers: answers)
        }
        .sorted { lhs, rhs in
            // By framework, then in catalogue order; answers no control backs come last.
            func rank(_ group: Group) -> (Int, Int) {
                guard let control = group.control else { return (.max, .max) }
                return (FrameworkCode.allCases.firstIndex(of: control.framework) ?? .max, catalogue[control]?.position ?? .max)
            }
            return rank(lhs) < rank(rhs)
        }
        evidence = cited.sorted(by: Self.order)
    }

    private static func order(_ lhs: Evidence, _ rhs: Evidence) -> Bool {
        (lhs.title, lhs.confidentiality.rawValue, lhs.location ?? "") < (rhs.title, rhs.confidentiality.rawValue, rhs.location ?? "")
    }
}
