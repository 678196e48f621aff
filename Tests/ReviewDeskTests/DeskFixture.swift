import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RunStore
import Testing
import TestSupport
import Workflow
@testable import ReviewDesk

/// A scratch store holding one drafted run of a small questionnaire whose text carries markup,
/// and a desk over it; plus the browser steps the route tests repeat.
final class DeskFixture: Sendable {
    static let questionnaire = """
        Ref,Question,Answer
        X-01,"Do you encrypt customer data at rest? <script>alert(1)</script>",
        X-02,"Describe your AI risk assessment <img src=x onerror=alert(2)>",
        X-03,Do you have an AI policy approved by top management?,
        X-04,Do you keep an inventory of your AI systems?,

        """

    let folder: URL
    let store: any RunStore
    let desk: ReviewDesk
    let run: String

    /// - Parameter bodyLimit: the desk's body cap (small, so the oversized-body case stays small).
    init(bodyLimit: Int = 16_384) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ReviewDeskTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("hostile.csv")
        try Data(Self.questionnaire.utf8).write(to: input)
        let root = Fixtures.repositoryRoot()
        store = try await RunStoreOpener.open(.sqlite(path: folder.appendingPathComponent("store.sqlite").path))
        let session = try await DraftSession(
            options: .init(
                kb: root.appendingPathComponent("Samples/org").path,
                mappings: root.appendingPathComponent("Mappings").path,
                asOf: "2026-11-30", formats: []), store: store)
        let outcome = try await session.draft(path: input.path, createdAt: "2026-11-30T10:00:00.000Z")
        run = try #require(outcome.runID)
        var configuration = ReviewDesk.Configuration(host: "127.0.0.1", port: 8042, bodyLimit: bodyLimit)
        // Hummingbird's router test client names the authority `localhost`.
        configuration.authorities = ["localhost"]
        desk = try ReviewDesk(configuration: configuration, store: store, content: session.content, indexPath: nil, asOf: "2026-11-30")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `body` against the desk's routes.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(router: desk.router()).test(.router, body)
    }
}

/// A browser's state against the desk: its session cookie and the CSRF token its pages carry.
struct Browser: Sendable {
    var cookie: String
    var csrf: String

    /// Opens a fresh login URL and gives the reviewer's name, as a person does on first open.
    static func signIn(
        _ desk: ReviewDesk, _ client: any TestClientProtocol, as reviewer: String,
        token given: String? = nil
    ) async throws -> Browser {
        var token = given ?? ""
        if given == nil { token = await desk.issueLoginToken() }
        let login = try await client.execute(uri: "/?token=\(token)", method: .get)
        let setCookie = try #require(login.headers[.setCookie])
        let cookie = String(try #require(setCookie.split(separator: ";").first))
        let who = try await client.execute(uri: "/who", method: .get, headers: [.cookie: cookie])
        let csrf = try #require(Self.csrf(in: String(buffer: who.body)))
        var browser = Browser(cookie: cookie, csrf: csrf)
        let named = try await browser.post(client, "/who", ["reviewer": reviewer])
        guard named.status == .seeOther else { throw DeskTestError("naming the reviewer answered \(named.status)") }
        browser.csrf = csrf
        return browser
    }

    /// The CSRF token a page carries in its `csrf-token` meta element.
    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: #"name="csrf-token" content="([0-9a-f]+)""#, options: .regularExpression) else { return nil }
        return page[range].split(separator: "\"").dropFirst(3).first.map(String.init)
    }

    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
    }

    /// A form POST with the session's CSRF token added (unless `csrf` is false).
    func post(
        _ client: any TestClientProtocol, _ uri: String, _ fields: KeyValuePairs<String, String>, csrf: Bool = true,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var pairs = fields.map { ($0.key, $0.value) }
        if csrf { pairs.append(("csrf", self.csrf)) }
        return try await post(client, uri, pairs: pairs, headers: extra)
    }

    func post(_ client: any TestClientProtocol, _ uri: String, pairs: [(String, String)], headers extra: HTTPFields = [:]) async throws -> TestResponse {
        let body = pairs.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        var headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
        headers.append(contentsOf: extra)
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

struct DeskTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
