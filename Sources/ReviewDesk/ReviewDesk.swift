import Drafting
import Foundation
import HTTPTypes
import Hummingbird
import KnowledgeBase
import ResponderModel
import RunStore

/// `responder serve`: a web review desk over a workspace's run store and knowledge base.
///
/// Every decision goes through ``RunStore/decide(run:_:reviewer:at:afterEach:)`` with the revision
/// the page showed as its base, exactly as `responder review` does, so the same rules, stale-base
/// refusals and audit log apply. Pages are rendered on the server from escaped text (``HTML``);
/// downloads are built from a run ID only. The desk prints nothing: the caller shows the URL.
public struct ReviewDesk: Sendable {
    /// Where the desk listens and who signs in.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// The reviewer every session decides as; nil to ask each browser for a name on first open.
        public var reviewer: String?
        /// Requests with a larger body are refused with 413.
        public var bodyLimit: Int
        /// The `host:port` values a request's `Host` may name: the served address, plus `localhost`
        /// on a loopback address.
        package var authorities: Set<String>

        public init(host: String = "127.0.0.1", port: Int = 8042, reviewer: String? = nil, bodyLimit: Int = 1_000_000) {
            self.host = host
            self.port = port
            self.reviewer = reviewer
            self.bodyLimit = bodyLimit
            let shown = host.contains(":") ? "[\(host)]" : host
            var authorities: Set<String> = ["\(shown):\(port)".lowercased()]
            if Self.isLoopback(host) { authorities.insert("localhost:\(port)") }
            self.authorities = authorities
        }

        /// True for 127.0.0.0/8, `::1` and `localhost`.
        public static func isLoopback(_ host: String) -> Bool {
            host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }
    }

    let configuration: Configuration
    let store: any RunStore
    let content: KnowledgeBaseContent
    let search: KnowledgeSearch
    let sessions: DeskSessions
    let drafter: Drafter
    let internalReferences: InternalReferenceScanner

    /// - Parameters:
    ///   - content: the knowledge base, already loaded and checked.
    ///   - learned: the store's learned answers (``RunStore/learnedAnswers()``), merged into the
    ///     library shown beside questions as a draft would merge them; the search index keeps the
    ///     files' library only, like `responder search`.
    ///   - indexPath: the workspace's search index (nil: kept in memory).
    ///   - asOf: `YYYY-MM-DD`, the day the matches shown beside a question are judged as of.
    /// - Throws: a database error when the search index cannot be opened or rebuilt.
    public init(
        configuration: Configuration, store: any RunStore, content: KnowledgeBaseContent, learned: [LibraryAnswer] = [],
        indexPath: String?, asOf: String
    ) throws {
        self.configuration = configuration
        self.store = store
        search = try KnowledgeSearch(content: content, path: indexPath)
        var content = content
        content.library = LearnedAnswers.merging(learned, into: content.library)
        self.content = content
        sessions = DeskSessions(reviewer: configuration.reviewer)
        drafter = Drafter(content: content, asOf: asOf)
        internalReferences = InternalReferenceScanner(evidence: content.evidence)
    }

    /// A new one-time login token; ``loginURL(token:)`` is what a reviewer opens.
    public func issueLoginToken() async -> String {
        await sessions.issueToken()
    }

    /// The URL that signs a browser in with `token` (it works once).
    public func loginURL(token: String) -> String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(configuration.port)/?token=\(token)"
    }

    /// The HTTP application; `onRunning` is called once it listens.
    public func application(onRunning: @escaping @Sendable () async -> Void) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { _ in await onRunning() })
    }

    /// Every route of the desk behind ``DeskGuard``.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(DeskGuard<BasicRequestContext>(authorities: configuration.authorities, bodyLimit: configuration.bodyLimit))
        router.get("/") { request, _ in try await self.signIn(request) }
        router.get("/who") { request, _ in try await self.whoPage(request) }
        router.post("/who") { request, _ in try await self.setWho(request) }
        router.post("/invite") { request, _ in try await self.invite(request) }
        router.get("/runs") { request, _ in try await self.runsPage(request) }
        router.get("/runs/:run") { request, context in try await self.reviewPage(request, run: context.parameters.require("run")) }
        router.get("/runs/:run/question") { request, context in
            try await self.questionPage(request, run: context.parameters.require("run"))
        }
        router.post("/runs/:run/decide") { request, context in try await self.decide(request, run: context.parameters.require("run")) }
        router.post("/runs/:run/approve") { request, context in
            try await self.approveSelected(request, run: context.parameters.require("run"))
        }
        router.get("/runs/:run/export") { request, context in try await self.exportPage(request, run: context.parameters.require("run")) }
        router.get("/runs/:run/export/answers") { request, context in
            try await self.downloadAnswers(request, run: context.parameters.require("run"))
        }
        router.get("/runs/:run/export/evidence-pack") { request, context in
            try await self.downloadEvidencePack(request, run: context.parameters.require("run"))
        }
        router.get("/library") { request, _ in try await self.libraryPage(request) }
        router.get("/assets/desk.css") { _, _ in Self.asset(DeskAssets.stylesheet, type: "text/css; charset=utf-8") }
        router.get("/assets/desk.js") { _, _ in Self.asset(DeskAssets.script, type: "text/javascript; charset=utf-8") }
        return router
    }

    // MARK: Sessions

    static let sessionCookie = "desk_session"

    /// `/?token=...`: redeems a login token into a session cookie, then on to the runs (or the
    /// name form); with a session already, straight on.
    private func signIn(_ request: Request) async throws -> Response {
        if let token = FormFields(request.uri.query ?? "")["token"] {
            guard let id = await sessions.redeem(token) else {
                throw DeskRefusal(.unauthorized, "This sign-in link was used already or is unknown; restart `responder serve` for a new one.")
            }
            var response = Response.redirect(to: configuration.reviewer == nil ? "/who" : "/runs", type: .found)
            response.setCookie(Cookie(name: Self.sessionCookie, value: id, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        _ = try await session(request)
        return .redirect(to: "/runs", type: .found)
    }

    /// The request's session. - Throws: 401 without a known session cookie.
    func session(_ request: Request) async throws -> (id: String, session: DeskSessions.Session) {
        guard let id = request.cookies[Self.sessionCookie]?.value, let session = await sessions.session(id) else {
            throw DeskRefusal.noSession
        }
        return (id, session)
    }

    /// The reviewer of a signed-in session that has given a name.
    /// - Throws: 401 without a session; a redirect to the name form when there is no name yet.
    func reviewer(_ request: Request) async throws -> (name: String, csrf: String) {
        let (_, session) = try await session(request)
        guard let name = session.reviewer else { throw DeskRedirect(location: "/who") }
        return (name, session.csrf)
    }

    /// A state-changing request's form, read up to the body cap, after checking the session's CSRF
    /// token (field `csrf` or header `X-CSRF-Token`).
    func form(_ request: Request, csrf: String) async throws -> FormFields {
        var request = request
        let body = try await request.collectBody(upTo: configuration.bodyLimit)
        let fields = FormFields(String(buffer: body))
        let sent = fields["csrf"] ?? request.headers[HTTPField.Name("X-CSRF-Token")!]
        guard let sent, Self.constantTimeEqual(sent, csrf) else { throw DeskRefusal.badCSRF }
        return fields
    }

    private static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    // MARK: Responses

    static func page(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html.rendered)))
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A file to save, never shown inline.
    static func download(_ data: Data, name: String, type: String) -> Response {
        let safe = String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || "0123456789.-_".unicodeScalars.contains($0)) })
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(safe)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Sends the browser elsewhere (a session with no reviewer name yet goes to the name form).
struct DeskRedirect: Error, HTTPResponseError {
    var location: String
    var status: HTTPResponse.Status { .found }
    var headers: HTTPFields { [.location: location] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: headers)
    }
}
