import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RunStore
import Testing
import TestSupport
import Workflow
@testable import ReviewDesk

/// Every page and action of the desk through Hummingbird's test client, and every refusal.
@Suite struct ReviewDeskRouteTests {
    static func key(_ id: String) -> String { "hostile!\(id)" }

    /// A selection box's value as the review page writes it, for the question's current draft.
    static func pick(_ fixture: DeskFixture, _ id: String, revision: Int = 0) async throws -> String {
        let question = try #require(try await fixture.store.questions(run: fixture.run).first { $0.key == key(id) })
        return ReviewDesk.pick(revision: revision, draft: question.draftHash, key: question.key)
    }

    static func questionURI(_ run: String, _ id: String) -> String {
        "/runs/\(run)/question?key=" + Browser.encode(key(id))
    }

    @Test func everyPageRendersWithTheSecurityHeaders() async throws {
        let fixture = try await DeskFixture()
        let run = fixture.run
        try await fixture.test { client in
            let browser = try await Browser.signIn(fixture.desk, client, as: "Dana Reviewer")
            let pages: [(uri: String, expected: String)] = [
                ("/runs", "hostile.csv"),
                ("/runs/\(run)", "4 of 4 questions shown"),
                ("/runs/\(run)?confidence=high&decision=open&q=encrypt", "questions shown"),
                (Self.questionURI(run, "X-03"), "Do you have an AI policy approved by top management?"),
                ("/library?q=policy", "Library answers"),
                ("/runs/\(run)/export", "Download the filled buyer file"),
            ]
            for page in pages {
                let response = try await browser.get(client, page.uri)
                let body = String(buffer: response.body)
                #expect(response.status == .ok, "\(page.uri)")
                #expect(body.contains(page.expected), "\(page.uri)")
                #expect(body.contains("Reviewing as Dana Reviewer"), "\(page.uri)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true, "\(page.uri)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(page.uri)")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(page.uri)")
                // No inline script or style: the CSP would block them.
                #expect(!body.contains("<script>") && !body.contains("<style") && !body.contains(" style="), "\(page.uri)")
            }
            let css = try await client.execute(uri: "/assets/desk.css", method: .get)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8" && String(buffer: css.body).contains(".conf.low"))
            let js = try await client.execute(uri: "/assets/desk.js", method: .get)
            #expect(js.headers[.contentType] == "text/javascript; charset=utf-8" && String(buffer: js.body).contains("approve-form"))
        }
    }

    /// The library page lists an answer's alternate questions under its question, escaped like all
    /// knowledge-base text (the insurance answer's "E&O" must not reach the page as markup).
    @Test func theLibraryPageShowsAlternateQuestionsEscaped() async throws {
        let fixture = try await DeskFixture()
        let answer = try #require(fixture.desk.content.library.first { $0.id == "LIB-047" })
        #expect(answer.alternateQuestions.contains { $0.contains("&") })
        try await fixture.test { client in
            let browser = try await Browser.signIn(fixture.desk, client, as: "Dana Reviewer")
            let body = String(buffer: try await browser.get(client, "/library?q=insurance").body)
            let list = "<ul class=\"alternates meta\">" + answer.alternateQuestions.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
            #expect(body.contains("<td>" + HTML.escape(answer.question) + list + "</td>"), "\(body)")
            #expect(!body.contains("E&O"))
        }
    }

    @Test func theQuestionPageShowsWhatTheDraftRestsOn() async throws {
        let fixture = try await DeskFixture()
        let question = try #require(try await fixture.store.questions(run: fixture.run).first { $0.key == Self.key("X-03") })
        try await fixture.test { client in
            let browser = try await Browser.signIn(fixture.desk, client, as: "Dana Reviewer")
            let body = String(buffer: try await browser.get(client, Self.questionURI(fixture.run, "X-03")).body)
            #expect(body.contains("Sheet hostile, row 4, ID X-03"))
            // The row above, escaped like every buyer value: a follow-up reads only with it.
            #expect(body.contains("Just above it in the sheet (hostile!X-02): Describe your AI risk assessment &lt;img src=x onerror=alert(2)&gt;"))
            #expect(body.contains(HTML.escape(question.draftText)))
            #expect(body.contains("Ranked matches and why") && body.contains("ISO/IEC 42001"))
            // Every citation of the draft is listed by reference.
            for citation in question.citations {
                #expect(body.contains(HTML.escape(String(citation.split(separator: ":", maxSplits: 1)[1]))), "\(citation)")
            }
            #expect(body.contains("id=\"approve-form\"") && body.contains("id=\"edit-text\"") && body.contains("id=\"reject-notes\""))
            #expect(body.contains("No decision yet."))
        }
    }

    @Test(arguments: [("X-01", "alert(1)"), ("X-02", "onerror=alert(2)")])
    func buyerMarkupIsShownAsText(id: String, payload: String) async throws {
        let fixture = try await DeskFixture()
        try await fixture.test { client in
            let browser = try await Browser.signIn(fixture.desk, client, as: "Dana Reviewer")
            for uri in [Self.questionURI(fixture.run, id), "/runs/\(fixture.run)"] {
                let body = String(buffer: try await browser.get(client, uri).body)
                #expect(body.contains(payload), "\(uri)")
                #expect(!body.contains("<script>alert"), "\(uri)")
                #expect(!body.contains("<img"), "\(uri)")
                #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || body.contains("&lt;img src=x onerror=alert(2)&gt;"), "\(uri)")
            }
        }
    }

    @Test func approveEditAndRejectAreRecordedAndAuditedAsTheReviewer() async throws {
        let fixture = try await DeskFixture()
        let run = fixture.run
        try await fixture.test { client in
            let browser = try await Browser.signIn(fixture.desk, client, as: "Dana Reviewer")
            let approve = try await browser.post(
                client, "/runs/\(run)/decide",
                ["key": Self.key("X-03"), "base": "0", "action": "approve", "next": Self.key("X-04")])
            #expect(approve.status == .seeOther)
            #expect(approve.headers[.location] == "/runs/\(run)/question?key=" + Browser.encode(Self.key("X-04")))
            let edit = try await browser.post(
                client, "/runs/\(run)/decide",
                [
                    "key": Self.key("X-04"), "base": "0", "action": "edit", "text": "Yes: 12 systems.",
                    "notes": "counted again",
                ])
            #expect(edit.status == .seeOther)
            let reject = try await browser.post(
                client, "/runs/\(run)/decide",
                ["key": Self.key("X-01"), "base": "0", "action": "reject", "notes": "not ours"])
            #expect(reject.status == .seeOther)
        }
        let decisions = Dictionary(try await fixture.store.decisions(run: run).map { ($0.key, $0) }) { first, _ in first }
        #expect(decisions.count == 3)
        #expect(decisions[Self.key("X-03")]?.status == .approved)
        #expect(decisions[Self.key("X-04")]?.status == .edited && decisions[Self.key("X-04")]?.text == "Yes: 12 systems.")
        #expect(decisions[Self.key("X-01")]?.status == .rejected && decisions[Self.key("X-01")]?.notes == "not ours")
        let audit = try await fixture.store.auditLog(run: run)
        #expect(audit.map(\.reviewer) == ["Dana Reviewer", "Dana Reviewer", "Dana Reviewer"])
        #expect(audit.map(\.action) == ["approved", "edited", "rejected"])
        #expect(audit.map(\.notes) == [nil, "counted again", "not ours"])
    }

    @Test func severalQuestionsAreApprovedAtOnce() async throws {
        let fixture = try await DeskFixture()
        let run = fixture.run
        try await fixture.test { client in
            let browser = try await Browser.signIn(fixture.desk, client, as: "Dana Reviewer")
            let response = try await browser.post(
                client, "/runs/\(run)/approve",
                pairs: [
                    ("pick", try await Self.pick(fixture, "X-03")), ("pick", try await Self.pick(fixture, "X-04")),
                    ("back", "decision=open"), ("csrf", browser.csrf),
                ])
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            #expect(body.contains("Approved 2 questions."))
            #expect(body.contains("2 of 4 questions shown"))
        }
        #expect(try await fixture.store.decisions(run: run).map(\.key).sorted() == [Self.key("X-03"), Self.key("X-04")])
    }

    @Test func aDecisionOnADraftThePageDidNotShowIsRefused() async throws {
        let fixture = try await DeskFixture()
        let run = fixture.run
        try await fixture.test { client in
            let browser = try await Browser.signIn(fixture.desk, client, as: "Dana Reviewer")
            let page = String(buffer: try await browser.get(client, Self.questionURI(run, "X-03")).body)
            let shown = try await Self.pick(fixture, "X-03").split(separator: ":")[1]
            #expect(page.contains("name=\"draft\" value=\"\(shown)\""))
            // A page (or selection) made on another draft of the question, as after a re-draft.
            let stale = String(repeating: "0", count: shown.count)
            let single = try await browser.post(
                client, "/runs/\(run)/decide",
                ["key": Self.key("X-03"), "base": "0", "draft": stale, "action": "approve"])
            #expect(single.status == .conflict && String(buffer: single.body).contains("the draft changed"))
            let bulk = try await browser.post(
                client, "/runs/\(run)/approve",
                pairs: [("pick", "0:\(stale):" + Self.key("X-04")), ("csrf", browser.csrf)])
            #expect(bulk.status == .conflict && String(buffer: bulk.body).contains("the draft changed"))
        }
        #expect(try await fixture.store.decisions(run: run).isEmpty)
    }

    @Test func twoReviewersDecidingOneQuestionGetOneDecisionAndOneRefusalNamingTheOther() async throws {
        let fixture = try await DeskFixture()
        let run = fixture.run
        try await fixture.test { client in
            let ana = try await Browser.signIn(fixture.desk, client, as: "Ana First")
            // Ben's browser signs in with the one-time URL Ana's session asked for.
            let invite = String(buffer: try await ana.post(client, "/invite", [:]).body)
            let range = try #require(invite.range(of: #"\?token=[0-9a-f]+"#, options: .regularExpression))
            let ben = try await Browser.signIn(fixture.desk, client, as: "Ben Second", token: String(invite[range].dropFirst(7)))
            // Both pages loaded before anyone decided: both carry base 0.
            for browser in [ana, ben] {
                #expect(String(buffer: try await browser.get(client, Self.questionURI(run, "X-03")).body).contains("name=\"base\" value=\"0\""))
            }
            let first = try await ana.post(client, "/runs/\(run)/decide", ["key": Self.key("X-03"), "base": "0", "action": "approve"])
            #expect(first.status == .seeOther)
            let second = try await ben.post(
                client, "/runs/\(run)/decide",
                ["key": Self.key("X-03"), "base": "0", "action": "reject", "notes": "too vague"])
            #expect(second.status == .conflict)
            let page = String(buffer: second.body)
            #expect(page.contains("Ana First"))
            #expect(page.contains("class=\"badge approved\""))
            // The same in a bulk approval: X-04 was rejected by Ana after Ben's page loaded.
            #expect(
                try await ana.post(client, "/runs/\(run)/decide", ["key": Self.key("X-04"), "base": "0", "action": "reject"]).status
                    == .seeOther)
            let bulk = try await ben.post(client, "/runs/\(run)/approve", pairs: [("pick", try await Self.pick(fixture, "X-04")), ("csrf", ben.csrf)])
            #expect(bulk.status == .conflict && String(buffer: bulk.body).contains("Ana First"))
        }
        let decisions = try await fixture.store.decisions(run: run)
        #expect(decisions.map(\.reviewer) == ["Ana First", "Ana First"])
        #expect(decisions.map(\.status) == [.approved, .rejected])
        #expect(try await fixture.store.auditLog(run: run).map(\.reviewer) == ["Ana First", "Ana First"])
    }

    @Test func aCitedLearnedAnswerShowsWhoApprovedItAndWhen() async throws {
        let fixture = try await DeskFixture()
        try await fixture.store.decide(
            run: fixture.run, key: Self.key("X-03"), status: .edited,
            text: "Yes. The AI policy was approved by the board in March.",
            reviewer: "Dana Reviewer", at: "2026-11-30T11:00:00.000Z")
        // A later questionnaire asking the same is drafted from the learned answer.
        let again = fixture.folder.appendingPathComponent("again.csv")
        try Data("Ref,Question,Answer\nY-01,Do you have an AI policy approved by top management?,\n".utf8).write(to: again)
        let root = Fixtures.repositoryRoot()
        let session = try await DraftSession(
            options: .init(
                kb: root.appendingPathComponent("Samples/org").path,
                mappings: root.appendingPathComponent("Mappings").path,
                asOf: "2026-11-30", formats: []), store: fixture.store)
        let run = try #require(try await session.draft(path: again.path, createdAt: "2026-11-30T12:00:00.000Z").runID)
        let question = try #require(try await fixture.store.questions(run: run).first)
        let learned = try #require(question.citations.first { $0.hasPrefix("library:LIB-R-") })
        var configuration = fixture.desk.configuration
        configuration.authorities = ["localhost"]
        let desk = try ReviewDesk(
            configuration: configuration, store: fixture.store, content: fixture.desk.content,
            learned: try await fixture.store.learnedAnswers(), indexPath: nil, asOf: "2026-11-30")
        try await Application(router: desk.router()).test(.router) { client in
            let browser = try await Browser.signIn(desk, client, as: "Eve Later")
            let body = String(buffer: try await browser.get(client, "/runs/\(run)/question?key=" + Browser.encode("again!Y-01")).body)
            #expect(body.contains(String(learned.dropFirst("library:".count))))
            #expect(body.contains("approved by Dana Reviewer on 2026-11-30"))
        }
    }

    @Test func downloadsAreBuiltFromTheRunID() async throws {
        let fixture = try await DeskFixture()
        let run = fixture.run
        try await fixture.store.decide(
            run: run, key: Self.key("X-04"), status: .edited, text: "Yes: 12 systems.",
            reviewer: "Dana Reviewer", at: "2026-11-30T11:00:00.000Z")
        try await fixture.test { client in
            let browser = try await Browser.signIn(fixture.desk, client, as: "Dana Reviewer")
            let answers = try await browser.get(client, "/runs/\(run)/export/answers")
            #expect(answers.status == .ok)
            #expect(answers.headers[.contentDisposition] == "attachment; filename=\"hostile-answered.csv\"")
            let csv = String(buffer: answers.body)
            #expect(csv.contains("X-04,Do you keep an inventory of your AI systems?,Yes: 12 systems."))
            #expect(csv.contains("X-03,Do you have an AI policy approved by top management?,\r\n") || csv.contains("management?,\n"))
            let pack = try await browser.get(client, "/runs/\(run)/export/evidence-pack")
            #expect(pack.status == .ok && pack.headers[.contentDisposition] == "attachment; filename=\"hostile-evidence-pack.html\"")
            #expect(!String(buffer: pack.body).contains("EV-021"))
            let unknown = try await browser.get(client, "/runs/000000000000/export/answers")
            #expect(unknown.status == .notFound)
        }
        // Both downloads are on the run's export record, as the reviewer who took them.
        let exports = try await fixture.store.exports(run: run)
        #expect(exports.map(\.exportedBy) == ["Dana Reviewer", "Dana Reviewer"])
        #expect(exports.flatMap(\.files).map(\.name) == ["hostile-answered.csv", "hostile-evidence-pack.html"])
    }

    @Test func aRunWithNothingReviewedIsNotExported() async throws {
        let fixture = try await DeskFixture()
        try await fixture.test { client in
            let browser = try await Browser.signIn(fixture.desk, client, as: "Dana Reviewer")
            let answers = try await browser.get(client, "/runs/\(fixture.run)/export/answers")
            #expect(answers.status == .conflict && String(buffer: answers.body).contains("no approved or edited answer"))
        }
        #expect(try await fixture.store.exports(run: fixture.run).isEmpty)
    }

    @Test func refusals() async throws {
        let fixture = try await DeskFixture(bodyLimit: 4_096)
        let run = fixture.run
        let decide = "/runs/\(run)/decide"
        try await fixture.test { client in
            // No session: every page and action.
            for uri in ["/runs", "/runs/\(run)", Self.questionURI(run, "X-03"), "/library?q=policy", "/runs/\(run)/export/answers"] {
                #expect(try await client.execute(uri: uri, method: .get).status == .unauthorized, "\(uri)")
            }
            #expect(
                try await client.execute(uri: decide, method: .post, body: ByteBuffer(string: "key=x&base=0&action=approve")).status
                    == .unauthorized)
            // A login token works once.
            let token = await fixture.desk.issueLoginToken()
            #expect(try await client.execute(uri: "/?token=\(token)", method: .get).status == .found)
            #expect(try await client.execute(uri: "/?token=\(token)", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/?token=0123", method: .get).status == .unauthorized)

            let browser = try await Browser.signIn(fixture.desk, client, as: "Dana Reviewer")
            let fields: KeyValuePairs<String, String> = ["key": Self.key("X-03"), "base": "0", "action": "approve"]
            // Missing and wrong CSRF token.
            #expect(try await browser.post(client, decide, fields, csrf: false).status == .forbidden)
            #expect(
                try await browser.post(
                    client, decide, fields, csrf: false,
                    headers: [HTTPField.Name("X-CSRF-Token")!: String(repeating: "0", count: 64)]
                ).status == .forbidden)
            #expect(try await browser.post(client, "/runs/\(run)/approve", ["pick": try await Self.pick(fixture, "X-03")], csrf: false).status == .forbidden)
            #expect(try await browser.post(client, "/who", ["reviewer": "Mallory"], csrf: false).status == .forbidden)
            // The header form of the token is accepted.
            #expect(
                try await browser.post(
                    client, decide, ["key": Self.key("X-04"), "base": "0", "action": "approve"], csrf: false,
                    headers: [HTTPField.Name("X-CSRF-Token")!: browser.csrf]
                ).status == .seeOther)
            // A Host the desk does not serve (DNS rebinding), even with a valid session.
            let rebound = try await client.execute(
                uri: "/runs", method: .get,
                headers: [.cookie: browser.cookie, HTTPField.Name("Host")!: "evil.example:8042"])
            #expect(rebound.status == .misdirectedRequest)
            #expect(rebound.headers[.contentSecurityPolicy] != nil)
            // A body over the cap.
            let big = String(repeating: "a", count: 5_000)
            #expect(
                try await browser.post(client, decide, ["key": Self.key("X-03"), "base": "0", "action": "approve", "notes": big]).status
                    == .contentTooLarge)
            // A stale base: the page showed revision 0, but X-04 is decided now.
            let stale = try await browser.post(client, decide, ["key": Self.key("X-04"), "base": "0", "action": "reject"])
            #expect(stale.status == .conflict && String(buffer: stale.body).contains("Dana Reviewer"))
            // A key the run does not have.
            let unknownKey = try await browser.post(client, decide, ["key": "hostile!NOPE", "base": "0", "action": "approve"])
            #expect(unknownKey.status == .notFound)
            // Internal evidence named in an edit.
            let leak = try await browser.post(
                client, decide,
                [
                    "key": Self.key("X-03"), "base": "0", "action": "edit",
                    "text": "See EV-021 Generative AI Acceptable Use Policy.",
                ])
            #expect(leak.status == .unprocessableContent && String(buffer: leak.body).contains("internal"))
        }
        let decisions = try await fixture.store.decisions(run: run)
        #expect(decisions.map(\.key) == [Self.key("X-04")])
        #expect(decisions.first?.status == .approved)
    }
}
