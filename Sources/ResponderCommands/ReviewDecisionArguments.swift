import ArgumentParser
import RunStore
import Workflow

/// What every review decision on the command line names: the run, the questions, who decides,
/// their notes and the revision they saw; and recording it.
struct ReviewDecisionArguments: ParsableArguments {
    @Argument(help: "The run ID (see `responder runs`).")
    var runID: String

    @Argument(
        help: ArgumentHelp(
            "One or more question keys: Sheet!ID (Sheet!row when it has no ID) or a bare ID.",
            valueName: "key"))
    var keys: [String]

    @Option(help: "Who decides (recorded in the audit log).")
    var reviewer: String

    @Option(help: "Reviewer notes, stored with the decision and in the audit log.")
    var notes: String?

    @Option(help: "The decision revision this is based on (0: undecided); refused when someone decided since.")
    var base: Int?

    func validate() throws {
        if keys.isEmpty { throw ValidationError("give at least one question KEY") }
        if reviewer.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reviewer must name someone") }
    }

    /// Records `status` for every key in one transaction and prints each result.
    /// - Throws: ``CommandFailure`` (status 1) when a run or key is unknown or a decision was refused.
    func decide(_ status: ReviewDecision.Status, choice: String? = nil, text: String? = nil, in store: any RunStore) async throws {
        let requests = keys.map { DecisionRequest(key: $0, status: status, choice: choice, text: text, notes: notes, base: base) }
        let results: [DecisionResult]
        do {
            // One transaction for every key given: all of them are recorded, or (on a crash) none.
            results = try await store.decide(run: runID, requests, reviewer: reviewer, at: Timestamp.now())
        } catch let error as ReviewError {
            try? await store.close()
            throw CommandFailure(.failure, error.message)
        }
        try await store.close()
        var refused: [String] = []
        for result in results {
            switch result {
            case .recorded(let key):
                print(TerminalText.safe("\(status.rawValue) \(key)"))
            case .unchanged(let key):
                print(TerminalText.safe("unchanged (already \(status.rawValue)) \(key)"))
            case .refused(let error):
                refused.append(error.message)
            }
        }
        if !refused.isEmpty { throw CommandFailure(.failure, refused.joined(separator: "\nerror: ")) }
    }
}
