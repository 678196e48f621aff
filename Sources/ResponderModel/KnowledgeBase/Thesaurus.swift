/// The field's abbreviations and synonym groups, used to normalise and expand question text.
public struct Thesaurus: Sendable, Hashable, Codable {
    /// Abbreviation (as written, matched case-insensitively) to its expansion.
    public var abbreviations: [String: String]
    /// Groups of terms for one concept; the first term is canonical.
    public var synonyms: [[String]]

    public init(abbreviations: [String: String] = [:], synonyms: [[String]] = []) {
        self.abbreviations = abbreviations
        self.synonyms = synonyms
    }
}
