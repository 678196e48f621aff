import ResponderModel

/// One sentence an answer may carry, with the knowledge-base entries that support it.
package struct Fact: Sendable, Hashable {
    package var sentence: String
    package var citations: [Citation]
    /// Flags the fact raises for the reviewer (an overdue assessment it names, say).
    package var flags: [AnswerFlag]

    package init(_ sentence: String, citations: [Citation], flags: [AnswerFlag] = []) {
        self.sentence = sentence
        self.citations = citations
        self.flags = flags
    }
}
