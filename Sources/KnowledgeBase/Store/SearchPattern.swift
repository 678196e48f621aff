/// A safe FTS5 MATCH pattern built from free text.
///
/// Buyer text never reaches MATCH as written: `multi-factor` would read as a column filter and
/// `AND`, `NEAR(` or `*` as operators. Only lower-cased alphanumeric words survive, each
/// double-quoted (so it is always a plain string, never an operator), OR-joined.
struct SearchPattern: Hashable {
    /// The pattern to bind to `MATCH`; empty when the text held no word.
    let rawValue: String

    /// The distinct words in first-seen order, so the same text always gives the same pattern.
    let tokens: [String]

    init(_ text: String) {
        var seen = Set<String>()
        var tokens: [String] = []
        for word in text.lowercased().split(whereSeparator: { !Self.isWordCharacter($0) }) {
            let token = String(word)
            if seen.insert(token).inserted { tokens.append(token) }
        }
        self.tokens = tokens
        rawValue = tokens.map { "\"\($0)\"" }.joined(separator: " OR ")
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// Letters and digits only; a double quote can therefore never appear inside a token.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
