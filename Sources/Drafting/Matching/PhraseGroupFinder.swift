import Foundation
import ResponderModel

/// Finds which of a list of phrase groups a text names. With the thesaurus's predicate groups
/// (verbs, participles, predicate adjectives that make one claim, such as "kept separate",
/// "segregated", "isolated") it reads what a text asserts of its subject: similarity weighs the
/// nouns two texts share, this reads the claim, so "Are production and test environments kept
/// apart?" is not taken for "Is production data copied into test environments?". With the
/// qualifier groups it reads how a question narrows what it asks ("independent", "published").
package struct PhraseGroupFinder: Sendable {
    /// Each group's words and phrases as raw-word sequences, by first word, longest first.
    private let phrases: [String: [(words: [String], group: Int)]]
    /// Each group's first term, which names it in explanations.
    private let names: [String]

    package init(groups: [[String]]) {
        var phrases: [String: [(words: [String], group: Int)]] = [:]
        for (group, terms) in groups.enumerated() {
            for term in terms {
                let words = TextAnalyzer.rawWords(term)
                if let first = words.first { phrases[first, default: []].append((words, group)) }
            }
        }
        self.phrases = phrases.mapValues { $0.sorted { ($0.words.count, $1.group) > ($1.words.count, $0.group) } }
        names = groups.map { $0.first ?? "" }
    }

    /// The groups `text` names, as indices into the thesaurus's list; a longer phrase is read
    /// before the words it starts with ("kept apart" before "kept").
    package func groups(in text: String) -> Set<Int> {
        let words = TextAnalyzer.rawWords(text)
        var found = Set<Int>()
        var index = 0
        while index < words.count {
            let match = phrases[words[index]]?.first { phrase in
                phrase.words.count <= words.count - index && words[index..<(index + phrase.words.count)].elementsEqual(phrase.words)
            }
            if let match { found.insert(match.group) }
            index += match?.words.count ?? 1
        }
        return found
    }

    /// Whether two texts make different claims: each names a predicate and they share none. A
    /// text without a recognised predicate ("Production data in test environments") says nothing
    /// either way.
    package static func differ(_ lhs: Set<Int>, _ rhs: Set<Int>) -> Bool {
        !lhs.isEmpty && !rhs.isEmpty && lhs.isDisjoint(with: rhs)
    }

    /// The groups' names, sorted, for a reviewer: "kept separate".
    package func describe(_ groups: Set<Int>) -> String {
        groups.sorted().map { names[$0] }.joined(separator: ", ")
    }
}
