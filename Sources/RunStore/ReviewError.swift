/// Why a review decision was refused; the message names the run and question.
public struct ReviewError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case unknownRun
        case unknownKey
        /// A key that matches more than one question (a bare ID repeated across sheets).
        case ambiguousKey
        case choiceNotAllowed
        /// An approval of a question that has no drafted answer (an answer must then be written as an edit).
        case nothingToApprove
        /// An edit with neither choice nor text, or an empty reviewer.
        case incomplete
        /// Someone else decided the question since the decision's base (a workbook exported or a
        /// page loaded before): the message names who decided what and when.
        case stale
        /// The question's draft is not the one the reviewer saw (the run was drafted again since).
        case draftChanged
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
