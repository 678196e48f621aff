import ArgumentParser
import RunStore
import Workflow

/// A command that stops at run time: the message to print and the exit status, from `sysexits.h`
/// so scripts can tell a usage mistake from bad input and from a failing disk or store. Unlike
/// argument-parser's `ValidationError` it prints no usage banner: after a store or disk error the
/// banner only hides the message.
struct CommandFailure: Error, CustomStringConvertible {
    /// The exit statuses, as README's table lists them.
    enum Status: Int32 {
        /// Some work failed and the rest was done: a file of a batch, a refused decision, `kb check` errors.
        case failure = 1
        /// `--fail-under` not met.
        case belowThreshold = 2
        /// The command line is wrong: a bad option value, an output name that does not fit (EX_USAGE).
        case usage = 64
        /// An input cannot be used: a knowledge base with errors, a damaged `responder.yaml` (EX_DATAERR).
        case data = 65
        /// Reading or writing failed: a file that cannot be written, a store that cannot be opened or written (EX_IOERR).
        case io = 74
    }

    var status: Status
    var message: String

    init(_ status: Status, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }

    /// The status a workflow error stands for: options that do not fit are usage errors, a
    /// damaged workspace file or knowledge base is bad input.
    init(_ error: WorkflowError) {
        switch error.kind {
        case .notAKnowledgeBase, .noKnowledgeBase, .noWorkspace, .badOption, .outputCollision: self.init(.usage, error.message)
        case .badWorkspaceFile, .knowledgeBaseErrors: self.init(.data, error.message)
        }
    }

    /// A store error: an unreadable location is a usage error, anything else an I/O failure.
    init(_ error: RunStoreError) {
        self.init(error.kind == .badLocation ? .usage : .io, error.message)
    }

    /// A refused or failed export: an output name that does not fit is a usage error, a buyer file
    /// that moved or changed is input that cannot be used, a write that failed is an I/O error; an
    /// unknown run or nothing reviewed is work not done (1).
    init(_ error: ExportError) {
        let status: Status =
            switch error.kind {
            case .outputRefused: .usage
            case .questionnaireMissing, .questionnaireChanged: .data
            case .failed: .io
            case .unknownRun, .nothingToExport: .failure
            }
        self.init(status, error.description)
    }

    /// An output path refused by ``OutputPolicy``: fixed by naming another file or adding `--force`.
    init(_ error: OutputPolicyError) {
        self.init(.usage, error.description)
    }
}
