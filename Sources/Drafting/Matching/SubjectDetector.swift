import ResponderModel

/// Tells whether text names a framework's subject, from the `subjects` its catalogue lists:
/// whole words (`ai`), word prefixes (`finetun*`) and phrases (`machine learning`).
package struct SubjectDetector: Sendable {
    private let words: Set<String>
    private let prefixes: [String]
    private let phrases: [[String]]

    package init(subjects: [String]) {
        var words = Set<String>()
        var prefixes: [String] = []
        var phrases: [[String]] = []
        for subject in subjects {
            let tokens = TextAnalyzer.rawWords(subject)
            if subject.hasSuffix("*"), tokens.count == 1 {
                prefixes.append(tokens[0])
            } else if tokens.count == 1 {
                words.insert(tokens[0])
            } else if tokens.count > 1 {
                phrases.append(tokens)
            }
        }
        self.words = words
        self.prefixes = prefixes
        self.phrases = phrases
    }

    /// Whether `text` names the subject.
    package func isNamed(in text: String) -> Bool {
        let tokens = TextAnalyzer.rawWords(text)
        if tokens.contains(where: words.contains) { return true }
        if tokens.contains(where: { token in prefixes.contains { token.hasPrefix($0) } }) { return true }
        // Word by word rather than a substring search of the joined words: Foundation's search was
        // most of drafting a question that holds a 1 MB word.
        return phrases.contains { phrase in
            tokens.indices.contains { start in
                tokens[start] == phrase[0] && start + phrase.count <= tokens.count
                    && tokens[start..<(start + phrase.count)].elementsEqual(phrase)
            }
        }
    }
}
