/// A question of a recorded run: where its answer goes and what was drafted for it.
public struct RunQuestion: Sendable, Hashable {
    /// 0-based order within the run.
    public var position: Int
    /// `Question.key`: `Sheet!ID`, or `Sheet!row` when the question has no ID.
    public var key: String
    public var sheet: String
    public var row: Int
    /// The question's own ID, empty when it has none.
    public var questionId: String
    public var text: String
    /// Column letters of the choice cell, nil when the question has none.
    public var choiceColumn: String?
    /// Column letters of the free-text cell, nil when the question has none.
    public var textColumn: String?
    /// The choice cell's dropdown values; nil when it has no list.
    public var allowed: [String]?
    public var draftChoice: String?
    public var draftText: String
    /// `Confidence.rawValue`
    public var confidence: String
    /// `AnswerFlag.rawValue`s
    public var flags: [String]
    /// What the draft cited, as `Citation.encoded` (`control:iso27001:A.8.24`, `evidence:EV-004`), in
    /// the draft's order (controls first). Rows written before frameworks were recorded hold
    /// `control:A.5.2`, which `Citation(encoded:)` reads as ISO/IEC 42001.
    public var citations: [String]

    /// The fingerprint of the draft a reviewer sees (``RunIdentity/draftHash(choice:text:)``).
    public var draftHash: String { RunIdentity.draftHash(choice: draftChoice, text: draftText) }

    public init(
        position: Int, key: String, sheet: String, row: Int, questionId: String, text: String,
        choiceColumn: String?, textColumn: String?, allowed: [String]?, draftChoice: String?,
        draftText: String, confidence: String, flags: [String], citations: [String] = []
    ) {
        self.position = position
        self.key = key
        self.sheet = sheet
        self.row = row
        self.questionId = questionId
        self.text = text
        self.choiceColumn = choiceColumn
        self.textColumn = textColumn
        self.allowed = allowed
        self.draftChoice = draftChoice
        self.draftText = draftText
        self.confidence = confidence
        self.flags = flags
        self.citations = citations
    }
}
