import ResponderModel

/// Tells whether text names a framework's subject, from the `subjects` its catalogue lists:
/// whole words (`ai`), word prefixes (`finetun*`) and phrases (`machine learning`).
package struct SubjectDetector: Sendable {
    private let words: Set<String>
    private let prefixes: [String]
    private let phrases: [String]

    package init(subjects: [String]) {
        var words = Set<String>()
        var prefixes: [String] = []
        var phrases: [String] = []
        for subject in subjects {
            let tokens = TextAnalyzer.rawWords(subject)
            if subject.hasSuffix("*"), tokens.count == 1 {
                prefixes.append(tokens[0])
            } else if tokens.count == 1 {
                words.insert(tokens[0])
            } else if tokens.count > 1 {
                phrases.append(tokens.joined(separator: " "))
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
        let joined = " " + tokens.joined(separator: " ") + " "
        return phrases.contains { joined.contains(" \($0) ") }
    }
}
