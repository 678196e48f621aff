/// Finds where an answer's own text denies what a yes/no question asks: "No engineer has standing
/// administrative access to production" answers "Do any engineers hold permanent admin rights in
/// production?" with No, though the control behind it is implemented. Hand-written rather than a
/// parser: a denial is a negation word and the few words around it, and it counts only when those
/// words hold a good share of the question's own terms.
package enum DenialFinder {
    /// The answer's words around a negation that hold at least ``share`` (and two words' worth) of
    /// the question's term weight, when the question itself asks nothing negative; nil otherwise.
    /// `questionTerms` are the question's words with their weights (an abbreviation's expansion
    /// shares one word's weight); `terms` analyses text the way they were.
    package static func denial(
        asked question: String, questionTerms: [(term: String, weight: Double)], in answer: String, terms: (String) -> Set<String>
    ) -> String? {
        var weights: [String: Double] = [:]
        for (term, weight) in questionTerms { weights[term] = max(weights[term] ?? 0, weight) }
        // Summed in term order: a dictionary's order changes from run to run, and so would the sums' last bits.
        let ordered = weights.sorted { $0.key < $1.key }
        let total = ordered.reduce(0) { $0 + $1.value }
        guard total > 0, !TextAnalyzer.rawWords(question).contains(where: questionCues.contains) else { return nil }
        var best: (shared: Double, text: String)?
        // A negation reaches no further than its own sentence or clause.
        for clause in answer.split(whereSeparator: { ".;:".contains($0) }) {
            let words = TextAnalyzer.rawWords(String(clause))
            for (index, word) in words.enumerated() where statementCues.contains(word) {
                let window = words[max(0, index - before)..<min(words.count, index + after + 1)]
                // "No system moves to pilot without approval" states a requirement, not a denial;
                // "unapproved tools are blocked" a safeguard.
                guard !window.contains(where: requirementWords.contains),
                    !words[..<index].contains(where: { word in unwantedPrefixes.contains(where: word.hasPrefix) })
                else { continue }
                let text = window.joined(separator: " ")
                let held = terms(text)
                let shared = ordered.filter { held.contains($0.key) }.reduce(0) { $0 + $1.value }
                if shared >= 2, shared >= share * total, shared > (best?.shared ?? 0) {
                    best = (shared, text)
                }
            }
        }
        return best?.text
    }

    /// The share of the question's terms a denial must hold (fitted on the answer set's dev split).
    static let share = 0.3
    /// Words read before and after a negation word as what it denies.
    static let before = 3
    static let after = 6

    /// Words that turn a negation into a condition: "no ... without", "not ... unless".
    static let requirementWords: Set<String> = ["without", "unless", "until", "except", "only", "before", "other"]
    /// Starts of words naming what a safeguard keeps out ("unapproved", "untrusted"): denying them
    /// affirms the safeguard.
    static let unwantedPrefixes = ["unapprov", "unauthori", "unmanag", "unknown", "untrust", "unsanction", "unsupport", "unencrypt", "unsigned", "unverif"]
    /// Words that deny what follows or precedes them in a statement (apostrophes dropped).
    static let statementCues: Set<String> = [
        "no", "not", "never", "none", "cannot", "cant", "isnt", "arent", "dont", "doesnt", "nor", "neither", "disabled", "blocked",
        "prohibited", "forbidden",
    ]
    /// A question with any of these asks about a denial or a safeguard ("Are shared logins
    /// prohibited?", "Do you block USB storage?"): its answer's negations agree with it.
    static let questionCues: Set<String> = statementCues.union([
        "prevent", "prevents", "prevented", "prohibit", "prohibits", "block", "blocks", "restrict", "restricts", "restricted",
        "forbid", "forbids", "disable", "disables", "deny", "denies", "denied", "stop", "stops", "avoid", "avoids", "exclude",
        "excludes", "excluded", "without", "except", "limit", "limits", "limited", "only",
    ])
}
