import ResponderModel

/// Tells whether text names a framework's subject, from the `subjects` its catalogue lists:
/// whole words (`ai`), word prefixes (`finetun*`) and phrases (`machine learning`).
package struct SubjectDetector: Sendable {
    private let words: Set<String>
    private let prefixes: [String]
    /// Multi-word subjects; a starred one (`risk assess*`) takes its last word as a prefix.
    private let phrases: [(words: [String], lastIsPrefix: Bool)]

    package init(subjects: [String]) {
        var words = Set<String>()
        var prefixes: [String] = []
        var phrases: [(words: [String], lastIsPrefix: Bool)] = []
        for subject in subjects {
            let tokens = TextAnalyzer.rawWords(subject)
            if subject.hasSuffix("*"), tokens.count == 1 {
                prefixes.append(tokens[0])
            } else if tokens.count == 1 {
                words.insert(tokens[0])
            } else if tokens.count > 1 {
                phrases.append((tokens, subject.hasSuffix("*")))
            }
        }
        self.words = words
        self.prefixes = prefixes
        self.phrases = phrases
    }

    /// Whether `text` names the subject.
    package func isNamed(in text: String) -> Bool { isNamed(words: TextAnalyzer.rawWords(text)) }

    /// Whether words (folded and split as ``TextAnalyzer/rawWords(_:)`` splits them) name the subject.
    package func isNamed(words tokens: [String]) -> Bool {
        if tokens.contains(where: words.contains) { return true }
        if tokens.contains(where: { token in prefixes.contains { token.hasPrefix($0) } }) { return true }
        // Word by word rather than a substring search of the joined words: Foundation's search was
        // most of drafting a question that holds a 1 MB word.
        return phrases.contains { phrase in
            let count = phrase.words.count
            return tokens.indices.contains { start in
                guard tokens[start] == phrase.words[0], start + count <= tokens.count else { return false }
                let last = tokens[start + count - 1]
                return tokens[start..<(start + count - 1)].elementsEqual(phrase.words.dropLast())
                    && (phrase.lastIsPrefix ? last.hasPrefix(phrase.words[count - 1]) : last == phrase.words[count - 1])
            }
        }
    }
}
