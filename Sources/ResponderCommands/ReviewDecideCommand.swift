import ArgumentParser
import KnowledgeBase
import RunStore
import Workflow

/// `responder review [decide]`: approves, edits or rejects drafted answers of a run by key.
struct ReviewDecideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Approve, edit or reject drafted answers of a run by key (the default: `review approve ...`).",
        discussion: """
            KEY is the question's key as in the drafts (Sheet!ID, or Sheet!row when it has no ID) or its bare ID. \
            approve takes the draft as is; edit needs --choice and/or --text (the draft's value is kept for the \
            other); a choice the question's dropdown does not allow is refused. Every change is appended to the \
            store's audit log with --notes; deciding what is already decided changes nothing. With --base REVISION \
            (the decision revision you saw, 0 for undecided) a question someone else decided since is refused, naming \
            who decided what and when. Exit status 1 when a run or key is unknown or a decision was refused.
            """
    )

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case approve, reject, edit

        var status: ReviewDecision.Status {
            switch self {
            case .approve: .approved
            case .reject: .rejected
            case .edit: .edited
            }
        }
    }

    @Argument(help: "approve, reject or edit.")
    var action: Action

    @Argument(help: "The run ID (see `responder runs`).")
    var runID: String

    @Argument(help: "One or more question keys.")
    var keys: [String]

    @Option(help: "Who decides (recorded in the audit log).")
    var reviewer: String

    @Option(help: "The answer choice (edit only); must be allowed by the question's dropdown.")
    var choice: String?

    @Option(help: "The answer text (edit only).")
    var text: String?

    @Option(help: "Reviewer notes, stored with the decision and in the audit log.")
    var notes: String?

    @Option(help: "The decision revision this is based on (0: undecided); refused when someone decided since.")
    var base: Int?

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    func validate() throws {
        if keys.isEmpty { throw ValidationError("give at least one question KEY") }
        if reviewer.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reviewer must name someone") }
        switch action {
        case .edit where choice == nil && text == nil:
            throw ValidationError("edit needs --choice and/or --text")
        case .approve where choice != nil || text != nil, .reject where choice != nil || text != nil:
            throw ValidationError("--choice and --text go with edit only; \(action.rawValue) takes none")
        default:
            break
        }
    }

    func run() async throws {
        let workspace = try knowledgeBase.workspace()
        if let text, let reason = AnswerTextPolicy.refusal(
            ofEdit: text, internalReferences: InternalReferenceScanner(evidence: try knowledgeBase.load(workspace).content.evidence)) {
            printError("error: --text refused: \(reason)")
            throw ExitCode.failure
        }
        let store = try await knowledgeBase.openStore(workspace)
        let requests = keys.map { DecisionRequest(key: $0, status: action.status, choice: choice, text: text, notes: notes, base: base) }
        let results: [DecisionResult]
        do {
            // One transaction for every key given: all of them are recorded, or (on a crash) none.
            results = try await store.decide(run: runID, requests, reviewer: reviewer, at: Timestamp.now())
        } catch let error as ReviewError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        try await store.close()
        var failed = false
        for result in results {
            switch result {
            case .recorded(let key):
                print(TerminalText.safe("\(action.status.rawValue) \(key)"))
            case .unchanged(let key):
                print(TerminalText.safe("unchanged (already \(action.status.rawValue)) \(key)"))
            case .refused(let error):
                printError("error: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
