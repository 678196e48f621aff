import ArgumentParser

/// `responder review reject`: refuses drafted answers; they stay empty on export.
struct ReviewRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject drafted answers of a run; export leaves them empty.",
        discussion: """
            Records that the draft is not to be sent. Every change is appended to the audit log with --notes; \
            rejecting what is already rejected changes nothing. With --base (the revision you saw, 0 for undecided) \
            a question someone else decided since is refused. Exit status 1 when the run or a key is unknown or a \
            decision was refused.

            Examples:
              responder review reject 3f2a9c1d0b7e SEC-08 --reviewer ana
              responder review reject 3f2a9c1d0b7e SEC-08 SEC-09 --reviewer ana --notes "ask the SME"
            """
    )

    @OptionGroup var decision: ReviewDecisionArguments
    @OptionGroup var knowledgeBase: WorkspaceOptions

    func run() async throws {
        try await decision.decide(.rejected, in: try await knowledgeBase.openStore(try knowledgeBase.workspace()))
    }
}
