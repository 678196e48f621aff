/// Why an export was refused or failed; the message names the run, file or option and says what to do.
public struct ExportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// No run with that ID.
        case unknownRun
        /// The run has no approved or edited answer (and neither drafts nor an empty export were asked for).
        case nothingToExport
        /// The buyer's file is not where the run was drafted from.
        case questionnaireMissing
        /// The buyer's file (or the one `--questionnaire` names) is not the one drafted: its content differs.
        case questionnaireChanged
        /// An output's name does not fit what is written, it exists already, or it is the input.
        case outputRefused
        /// The export itself failed (unreadable input, a file that cannot be written).
        case failed
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
