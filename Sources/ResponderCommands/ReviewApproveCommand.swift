import ArgumentParser

/// `responder review approve`: takes drafted answers as they are.
struct ReviewApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve drafted answers of a run as they are.",
        discussion: """
            Records the draft's choice and text as the answer. A question with no drafted answer cannot be approved: \
            write its answer with `review edit`. A drafted choice the question's dropdown does not allow is refused. \
            Every change is appended to the audit log with --notes; approving what is already approved changes nothing. \
            With --base (the revision you saw, 0 for undecided) a question someone else decided since is refused. \
            Exit status 1 when the run or a key is unknown or a decision was refused.

            Examples:
              responder review approve 3f2a9c1d0b7e AIG-01 "AI Governance!AIG-02" --reviewer ana
              responder review approve 3f2a9c1d0b7e AIG-05 --reviewer ana --base 0 --notes "checked with legal"
            """
    )

    @OptionGroup var decision: ReviewDecisionArguments
    @OptionGroup var knowledgeBase: WorkspaceOptions

    func run() async throws {
        try await decision.decide(.approved, in: try await knowledgeBase.openStore(try knowledgeBase.workspace()))
    }
}
