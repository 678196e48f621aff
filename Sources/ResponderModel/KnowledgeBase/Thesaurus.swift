/// The field's abbreviations and synonym groups, used to normalise and expand question text.
public struct Thesaurus: Sendable, Hashable, Codable {
    /// Abbreviation (as written, matched case-insensitively) to its expansion.
    public var abbreviations: [String: String]
    /// Groups of terms for one concept; the first term is canonical.
    public var synonyms: [[String]]
    /// Groups of predicate words and phrases (verbs, participles, predicate adjectives, as written)
    /// that assert one thing of a subject: "kept separate", "segregated", "isolated". Two texts
    /// whose predicates fall in different groups, sharing none, make different claims about the
    /// nouns they share. The first term names the group.
    public var predicates: [[String]]
    /// Groups of qualifier words and phrases that narrow what a question asks: who does it ("an
    /// independent firm"), how openly ("published"), how often ("quarterly"), how ("automated"). An
    /// answer that names nothing of a group the question names does not support its qualifier. The
    /// first term names the group.
    public var qualifiers: [[String]]

    public init(
        abbreviations: [String: String] = [:], synonyms: [[String]] = [], predicates: [[String]] = [], qualifiers: [[String]] = []
    ) {
        self.abbreviations = abbreviations
        self.synonyms = synonyms
        self.predicates = predicates
        self.qualifiers = qualifiers
    }
}
