/// What a drafted answer rests on: the facet, library answer or Statement of Applicability line
/// whose statement and choice it took, or the registers alone. The answer-level evaluation
/// (`scripts/eval/score_answers.py`) compares it with the labelled source.
public struct AnswerSource: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A facet of a Statement of Applicability line: `id` is `iso42001:A.7.5#watermarking`.
        case facet
        /// A library answer (`LIB-051`), or one of its facets (`LIB-051#tls-versions`).
        case library
        /// A Statement of Applicability line's own statement: `id` is `iso27001:A.8.24`.
        case control
        /// Register facts only (certifications, inventory, incidents, suppliers): `id` is the first topic.
        case facts
    }

    public var kind: Kind
    public var id: String

    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }
}
