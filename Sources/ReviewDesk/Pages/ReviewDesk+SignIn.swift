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
        return .redirect(to: "/runs", type: .normal)
    }

    private static func whoForm(_ session: DeskSessions.Session, notice text: String?) -> HTML {
        layout(
            title: "Who is reviewing?", reviewer: nil, csrf: session.csrf,
            body: [
                text.map { notice($0, kind: "refused") } ?? .empty,
                .element(
                    "form", [("method", "post"), ("action", "/who")],
                    [
                        hidden("csrf", session.csrf),
                        .element(
                            "label", [],
                            [
                                HTML("Your name "),
                                .element(
                                    "input",
                                    [
                                        ("name", "reviewer"), ("id", "reviewer"), ("required", ""), ("autofocus", ""),
                                        ("value", session.reviewer ?? ""),
                                    ]),
                            ]),
                        .element("button", [("type", "submit")], text: "Start reviewing"),
                    ]),
            ])
    }

    /// `POST /invite`: a new one-time sign-in URL for another browser (a second reviewer), shown
    /// only to a signed-in reviewer.
    func invite(_ request: Request) async throws -> Response {
        let (name, csrf) = try await reviewer(request)
        _ = try await form(request, csrf: csrf)
        let url = loginURL(token: await sessions.issueToken())
        return Self.page(
            Self.layout(
                title: "Sign in another browser", reviewer: name, csrf: csrf,
                body: [
                    .element("p", text: "Open this address in the other browser; it works once and asks for that reviewer's name:"),
                    .element("p", [("class", "mono"), ("id", "invite-url")], text: url),
                ]))
    }

    /// The button that asks for ``invite(_:)``.
    static func inviteForm(csrf: String) -> HTML {
        .element(
            "form", [("method", "post"), ("action", "/invite"), ("class", "bulk")],
            [
                hidden("csrf", csrf),
                .element("button", [("type", "submit"), ("id", "invite")], text: "Sign in another browser…"),
            ])
    }
}
