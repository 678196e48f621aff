import Hummingbird
import KnowledgeBase
import RunStore
import Workflow

extension ReviewDesk {
    /// `POST /runs/RUN/decide`: approve, edit or reject one question as the session's reviewer,
    /// based on the revision the page showed. Recorded: on to the next question. Refused (someone
    /// decided since, a choice the dropdown does not allow): the question again with why and its
    /// current state.
    func decide(_ request: Request, run: String) async throws -> Response {
        let (name, csrf) = try await reviewer(request)
        let fields = try await form(request, csrf: csrf)
        guard let key = fields["key"], let base = fields["base"].flatMap({ Int($0) }) else {
            throw DeskRefusal(.badRequest, "A decision names its question (key) and the revision the page showed (base).")
        }
        let filter = fields["f"] ?? ""
        let notes = fields.nonEmpty("notes")
        // The draft the page showed: refused when the questionnaire was drafted again since.
        let seenDraft = fields.nonEmpty("draft")
        let decision: DecisionRequest
        switch fields["action"] {
        case "approve":
            decision = DecisionRequest(key: key, status: .approved, notes: notes, base: base, seenDraft: seenDraft)
        case "reject":
            decision = DecisionRequest(key: key, status: .rejected, notes: notes, base: base, seenDraft: seenDraft)
        case "edit":
            let choice = fields.nonEmpty("choice")
            let text = fields["text"].map { $0.replacingOccurrences(of: "\r\n", with: "\n") }
            if let text, let reason = AnswerTextPolicy.refusal(ofEdit: text, internalReferences: internalReferences) {
                return try await questionPage(
                    request, run: run, key: key, filter: filter,
                    notices: [Self.notice("Edit refused: \(reason)", kind: "refused")], status: .unprocessableContent)
            }
            decision = DecisionRequest(key: key, status: .edited, choice: choice, text: text, notes: notes, base: base, seenDraft: seenDraft)
        default:
            throw DeskRefusal(.badRequest, "A decision is approve, edit or reject.")
        }
        let result = try await decideRefusingUnknownRun(run: run, [decision], reviewer: name)[0]
        switch result {
        case .recorded, .unchanged:
            let target = fields.nonEmpty("next") ?? key
            return .redirect(to: Self.questionHref(run: run, key: target, filter: filter), type: .normal)
        case .refused(let error):
            return try await questionPage(
                request, run: run, key: key, filter: filter,
                notices: [Self.notice(error.message, kind: "refused")],
                status: error.kind == .stale || error.kind == .draftChanged ? .conflict : .unprocessableContent)
        }
    }
}
