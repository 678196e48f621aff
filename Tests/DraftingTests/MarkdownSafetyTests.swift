import Foundation
import KnowledgeBase
import ResponderModel
import RunStore
import Testing
@testable import Drafting

/// Hostile values from a buyer's file or the knowledge base, written into the Markdown review report
/// and evidence pack: none adds HTML, a link, structure or a control character.
@Suite struct MarkdownSafetyTests {
    struct Probe: Sendable, CustomTestStringConvertible {
        var name: String
        var sheet = "AI"
        var question = "Do you log access?"
        var answer = "Yes."
        /// Text the report must not contain.
        var forbidden: [String]
        var testDescription: String { name }
    }

    static let probes: [Probe] = [
        Probe(name: "HTML in a sheet name inside backticks", sheet: "x`<img src=x onerror=alert(1)>`", forbidden: ["<img", "`<img"]),
        Probe(name: "ESC in the question", question: "Do you \u{1B}[2J\u{1B}]0;pwned\u{07}log?", forbidden: ["\u{1B}", "\u{07}"]),
        Probe(name: "C1 control in the answer", answer: "Yes\u{9B}31m.", forbidden: ["\u{9B}"]),
        Probe(name: "a link in the answer", answer: "See [here](javascript:alert(1)).", forbidden: ["[here](", "](javascript"]),
        Probe(name: "an autolink in the answer", answer: "<javascript:alert(1)>", forbidden: ["<javascript"]),
        Probe(name: "an image in the question", question: "![x](https://evil.example/t.png)", forbidden: ["![x]("]),
        Probe(name: "a setext heading in the answer", answer: "Heading\n===", forbidden: ["\n===\n"]),
        Probe(name: "a list in the answer", answer: "Fine\n- injected item\n1. numbered", forbidden: ["\n- injected", "\n1. numbered"]),
        Probe(name: "a backslash before a backtick", answer: "a \\`<b>bold</b>", forbidden: ["<b>"]),
    ]

    static func report(_ probe: Probe) -> String {
        let question = Question(id: "Q-1", sheet: probe.sheet, row: 2, text: probe.question)
        let drafted = DraftedQuestion(
            question: question, intent: .yesno, matches: [],
            answer: DraftAnswer(choice: "Yes", text: probe.answer, citations: [], confidence: .high, score: 0.9, flags: []))
        let diagnostic = Diagnostic(.warning, at: SourceLocation(file: "buyer.xlsx", sheet: probe.sheet, cell: "C2"), "odd cell in \(probe.sheet)")
        let file = DraftedFile(path: "buyer.xlsx", questions: [drafted], diagnostics: [diagnostic], failed: false)
        return String(
            decoding: DraftFormat.md.render(DraftRun(kbVersion: "v", asOf: "2026-11-23", systemScope: nil, files: [file])),
            as: UTF8.self)
    }

    @Test(arguments: probes)
    func theReviewReportEscapesHostileText(probe: Probe) {
        let text = Self.report(probe)
        for forbidden in probe.forbidden {
            #expect(!Self.containsUnescaped(forbidden, in: text), "\(probe.name): found \(forbidden.debugDescription) in \(text)")
        }
    }

    /// Whether `needle` occurs in `text` other than right after a backslash that is itself not escaped.
    static func containsUnescaped(_ needle: String, in text: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: needle) {
            let backslashes = text[..<range.lowerBound].reversed().prefix { $0 == "\\" }.count
            if backslashes % 2 == 0 { return true }
            rest = text[range.upperBound...]
        }
        return false
    }

    @Test func controlCharactersStayVisible() {
        #expect(MarkdownText.escape("a\u{1B}b") == "a\\\\u{1B}b")
    }

    /// Only http(s) locations become links in the Markdown evidence pack, as in the HTML one.
    @Test(arguments: [
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("JaVaScRiPt:alert(1)", "JaVaScRiPt:alert(1)"),
        ("data:text/html,<script>x</script>", "data:text/html,\\<script\\>x\\</script\\>"),
        ("https://trust.example/a b<c>", "<https://trust.example/a%20b%3Cc%3E>"),
    ])
    func onlyWebLocationsAreLinks(location: String, written: String) {
        var content = EvidencePackTests.content
        let index = try! #require(content.evidence.firstIndex { $0.id == "EV-001" })
        content.evidence[index].location = location
        let run = RunSummary(
            id: "r", path: "/in/buyer.xlsx", contentHash: "h", kbVersion: content.version, asOf: "2026-11-23",
            createdAt: "2026-11-01T00:00:00Z")
        let decision = ReviewDecision(
            runId: "r", key: "AI!Q-0", status: .approved, choice: "Yes", text: "Yes.", reviewer: "Ana",
            decidedAt: "2026-11-02T10:00:00Z")
        let pack = EvidencePack(
            run: run, questions: [EvidencePackTests.question(0, "Policy?", citations: ["evidence:EV-001"])],
            decisions: [decision], content: content)
        let text = EvidencePackMarkdownRenderer.render(pack)
        #expect(text.contains("- AI Policy: \(written)\n"), "\(text.split(separator: "\n").filter { $0.hasPrefix("- AI Policy") })")
    }
}
