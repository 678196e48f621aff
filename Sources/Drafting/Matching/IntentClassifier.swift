import Foundation
import ResponderModel

/// Classifies what a question asks for from its wording (first clause, question words, verbs).
package enum IntentClassifier {
    package static func classify(_ text: String) -> Intent {
        var lower = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        if lower.contains("\u{2019}") { lower = lower.replacingOccurrences(of: "\u{2019}", with: "'") }
        // A follow-up's condition ("If yes, describe ...") says nothing about what it asks for.
        for condition in ["- if yes,", "- if so,", "- if no,", "if yes,", "if so,", "if no,", "if not,", "if applicable,"]
        where lower.hasPrefix(condition) {
            lower = String(lower.dropFirst(condition.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        let words = TextAnalyzer.rawWords(lower)
        guard let first = words.first else { return .describe }
        // Courtesy says nothing about what is asked: "Please list ..." is a list request.
        if courtesies.contains(first), words.count > 1, let range = lower.range(of: first) {
            return classify(String(lower[range.upperBound...].drop { !$0.isLetter && !$0.isNumber }))
        }
        // A question word behind a preposition ("At what interval ...", "In which regions ...",
        // "To whom ...") asks what the question word asks.
        if prepositions.contains(first), words.count > 2, questionWords.contains(words[1]),
            let range = lower.range(of: words[1])
        {
            return classify(String(lower[range.lowerBound...]))
        }
        // A condition before the question ("When a reviewer overrides a recommendation, is that
        // recorded?") is not what it asks: the clause after the comma is. "When was ..." still asks
        // for a date.
        if conditionOpenings.contains(first), words.count > 1, !auxiliaries.contains(words[1]),
            let comma = lower.firstIndex(of: ","), lower[lower.index(after: comma)...].contains(where: \.isLetter)
        {
            return classify(String(lower[lower.index(after: comma)...]))
        }
        let opening = words.prefix(3).joined(separator: " ")

        if evidenceOpenings.contains(where: { opening.hasPrefix($0) }) || evidencePhrases.contains(where: lower.contains) {
            return .evidence
        }
        if lower.hasPrefix("how many") || lower.contains("number of") || lower.hasPrefix("what percentage")
            || lower.hasPrefix("what proportion") || lower.contains("how many ") && !auxiliaries.contains(first)
        {
            return .count
        }
        if lower.hasPrefix("when ") || lower.contains("what date") || lower.contains("on what date")
            || lower.contains("date of the last") || lower.contains("date of your last") || lower.hasPrefix("how recently")
        {
            return .date
        }
        if first == "list" || first == "enumerate" || first == "name" || first == "which"
            || lower.hasPrefix("what are the") || lower.hasPrefix("what types") || lower.hasPrefix("what kinds")
            || lower.hasPrefix("what categories") || lower.hasPrefix("identify the")
        {
            return .list
        }
        if describeOpenings.contains(first) || lower.hasPrefix("what ") || lower.hasPrefix("how ")
            || lower.hasPrefix("who ") || lower.hasPrefix("where ") || lower.hasPrefix("why ")
        {
            return .describe
        }
        if auxiliaries.contains(first) { return .yesno }
        if lower.contains("?"), let fragmentIntent = fragmentIntent(lower, words: words) { return fragmentIntent }
        if !lower.contains("?") && (statementVerbs.contains(where: { words.contains($0) }) || words.count >= 6) {
            return .statement
        }
        return lower.contains("?") ? .yesno : .describe
    }

    /// What a question written as a fragment asks for ("Backups: how often, and where?", "DPO
    /// contact details?", "SOC 2 Type 1 or Type 2?"): home-made questionnaires drop the verb, and
    /// only a fragment naming a thing ("SSO?", "Encryption at rest?") asks whether it is in place.
    private static func fragmentIntent(_ lower: String, words: [String]) -> Intent? {
        // A question inside the fragment, after a colon, comma or dash, says what it asks.
        for separator in [":", ",", " - "] {
            guard let range = lower.range(of: separator) else { continue }
            let rest = String(lower[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            let restWords = TextAnalyzer.rawWords(rest)
            let opening = restWords.first == "and" ? restWords.dropFirst().first : restWords.first
            if let opening, questionWords.contains(opening) || auxiliaries.contains(opening) {
                return classify(restWords.first == "and" ? String(rest.dropFirst(3)) : rest)
            }
        }
        // Two named alternatives ask which one applies, not whether.
        if words.count <= 8 && words.contains("or") { return .describe }
        if words.contains(where: informationNouns.contains) { return .describe }
        return nil
    }

    private static let questionWords: Set<String> = ["how", "what", "where", "when", "which", "who", "why"]
    /// Nouns that, in a fragment, ask for information rather than whether something is in place.
    private static let informationNouns: Set<String> = [
        "details", "contact", "contacts", "address", "name", "names", "email", "phone", "frequency", "location",
        "locations", "version", "versions", "timeline", "timelines", "schedule", "url", "link",
    ]
    private static let courtesies: Set<String> = ["please", "kindly"]
    private static let evidenceOpenings = [
        "provide", "attach", "upload", "submit", "supply", "share", "include", "send", "can you share", "can you provide",
        "could you provide", "could you share", "copy of", "evidence of", "evidence that",
    ]
    private static let conditionOpenings: Set<String> = ["when", "if", "once", "after", "before", "while", "where", "whenever"]
    private static let evidencePhrases = ["a copy of", "provide a copy", "pls provide", "- provide", "please provide", "provide evidence"]
    private static let describeOpenings: Set<String> = [
        "describe", "explain", "outline", "detail", "summarise", "summarize", "elaborate", "state", "specify", "indicate", "clarify",
    ]
    private static let prepositions: Set<String> = ["at", "in", "on", "for", "to", "by", "with", "from", "under", "within"]
    private static let auxiliaries: Set<String> = [
        "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would",
        "should", "shall", "may", "must", "am",
    ]
    private static let statementVerbs = ["shall", "must", "should", "ensures", "maintains", "requires", "has", "have", "is", "are"]
}
