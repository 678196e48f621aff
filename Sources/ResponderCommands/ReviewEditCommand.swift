import ArgumentParser
import KnowledgeBase

/// `responder review edit`: records the reviewer's own choice and/or text.
struct ReviewEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Answer questions of a run with your own choice and/or text.",
        discussion: """
            Needs --choice, --text or both; the draft's value is kept for the one not given. A choice the question's \
            dropdown does not allow, and a text naming internal evidence, are refused. This is also how a question \
            with no drafted answer gets one. Every change is appended to the audit log with --notes.

            Examples:
              responder review edit 3f2a9c1d0b7e AIG-03 --choice No --text "No. We do not ..." --reviewer ana
              responder review edit 3f2a9c1d0b7e "AI!7" --text "1 Example Street, London" --reviewer ana
            """
    )

    @OptionGroup var decision: ReviewDecisionArguments

    @Option(help: "The answer choice; must be allowed by the question's dropdown.")
    var choice: String?

    @Option(help: "The answer text.")
    var text: String?

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    func validate() throws {
        if choice == nil && text == nil { throw ValidationError("edit needs --choice and/or --text") }
    }

    func run() async throws {
        let workspace = try knowledgeBase.workspace()
        if let text,
            let reason = AnswerTextPolicy.refusal(
                ofEdit: text, internalReferences: InternalReferenceScanner(evidence: try knowledgeBase.load(workspace).content.evidence))
        {
            throw CommandFailure(.failure, "--text refused: \(reason)")
        }
        try await decision.decide(.edited, choice: choice, text: text, in: try await knowledgeBase.openStore(workspace))
    }
}
