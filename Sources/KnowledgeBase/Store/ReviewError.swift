/// Why a review decision was refused; the message names the run and question.
public struct ReviewError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case unknownRun
        case unknownKey
        /// A key that matches more than one question (a bare ID repeated across sheets).
        case ambiguousKey
        case choiceNotAllowed
        /// An edit with neither choice nor text, or an empty reviewer.
        case incomplete
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
