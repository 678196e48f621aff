import Hummingbird

extension ReviewDesk {
    /// `GET /who`: asks a new session for the reviewer's name, recorded with each decision.
    func whoPage(_ request: Request) async throws -> Response {
        let (_, session) = try await session(request)
        return Self.page(Self.whoForm(session, notice: nil))
    }

    /// `POST /who`: sets the session's reviewer name.
    func setWho(_ request: Request) async throws -> Response {
        let (id, session) = try await session(request)
        let fields = try await form(request, csrf: session.csrf)
        guard let name = fields.nonEmpty("reviewer") else {
            return Self.page(Self.whoForm(session, notice: "Give a name: it is recorded with every decision."), status: .unprocessableContent)
        }
        await sessions.setReviewer(name, for: id)
        return .redirect(to: "/runs", type: .seeOther)
    }

    private static func whoForm(_ session: DeskSessions.Session, notice text: String?) -> HTML {
        layout(title: "Who is reviewing?", reviewer: nil, csrf: session.csrf, body: [
            text.map { notice($0, kind: "refused") } ?? .empty,
            .element("form", [("method", "post"), ("action", "/who")], [
                hidden("csrf", session.csrf),
                .element("label", [], [HTML("Your name "),
                                       .element("input", [("name", "reviewer"), ("id", "reviewer"), ("required", ""), ("autofocus", ""),
                                                          ("value", session.reviewer ?? "")])]),
                .element("button", [("type", "submit")], text: "Start reviewing"),
            ]),
        ])
    }
}
