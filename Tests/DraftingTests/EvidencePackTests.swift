import Drafting
import Foundation
import KnowledgeBase
import RunStore
import ResponderModel
import Testing
import TestSupport

/// The evidence pack model and its Markdown and HTML renderers, on hostile text and forced citations
/// of internal evidence (drafts never cite it, but the pack must not trust that).
@Suite struct EvidencePackTests {
    static let content = SampleKnowledgeBase.content

    static func question(_ position: Int, _ text: String, citations: [String]) -> RunQuestion {
        RunQuestion(
            position: position, key: "AI!Q-\(position)", sheet: "AI", row: position + 2, questionId: "Q-\(position)", text: text,
            choiceColumn: "C", textColumn: "D", allowed: nil, draftChoice: "Yes", draftText: "Draft", confidence: "high",
            flags: [], citations: citations)
    }

    static let pack: EvidencePack = {
        let questions = [
            question(
                0, "Policy <script>alert(1)</script>?\n# Injected heading",
                citations: ["control:A.2.2", "evidence:EV-001", "evidence:EV-021"]),
            question(1, "Unmapped & odd?", citations: ["evidence:EV-021", "evidence:EV-009"]),
            question(2, "Rejected one?", citations: ["control:A.2.2"]),
            question(3, "Undecided?", citations: []),
        ]
        let decisions = [
            ReviewDecision(
                runId: "r", key: "AI!Q-0", status: .approved, choice: "Yes", text: "See [link](javascript:x) \"quoted\"",
                reviewer: "ana.reviewer", decidedAt: "2026-11-02T10:00:00Z"),
            ReviewDecision(
                runId: "r", key: "AI!Q-1", status: .edited, choice: nil, text: "Edited.", reviewer: "ben.reviewer",
                decidedAt: "2026-11-03T10:00:00Z"),
            ReviewDecision(
                runId: "r", key: "AI!Q-2", status: .rejected, choice: nil, text: nil, reviewer: "Ana",
                decidedAt: "2026-11-03T10:00:00Z"),
        ]
        let run = RunSummary(
            id: "abc123abc123", path: "/in/buyer.xlsx", contentHash: "h", kbVersion: content.version,
            asOf: "2026-11-23", createdAt: "2026-11-01T00:00:00Z")
        return EvidencePack(run: run, questions: questions, decisions: decisions, content: content)
    }()

    @Test func coverageGroupsAndEvidence() throws {
        let pack = Self.pack
        let coverage = pack.coverage
        let counts: [Int] = [coverage.questions, coverage.approved, coverage.edited, coverage.rejected, coverage.undecided]
        #expect(counts == [4, 1, 1, 1, 1])
        let controls: [ControlRef?] = [ControlRef(.iso42001, "A.2.2"), nil]
        #expect(pack.groups.map(\.control) == controls, "catalogue order, unmapped last")
        #expect(pack.groups.flatMap(\.answers).map(\.reference) == ["Q-0", "Q-1"], "rejected answers are left out")
        #expect(pack.groups.flatMap(\.answers).map(\.answer) == ["Yes. See [link](javascript:x) \"quoted\"", "Edited."])
        #expect(pack.organisation == Self.content.organisation.name && pack.questionnaire == "buyer.xlsx")
        #expect(pack.evidence.map(\.title) == ["AI Policy", "Model Card: Northwind PreQual"])
        let locations: [String?] = ["https://trust.northwindanalytics.example/ai-policy", nil]
        #expect(pack.evidence.map(\.location) == locations, "NDA evidence has no location")
    }

    @Test(arguments: [true, false])
    func renderingEscapesTextAndNeverNamesInternalEvidence(html: Bool) throws {
        let text = html ? EvidencePackHTMLRenderer.render(Self.pack) : EvidencePackMarkdownRenderer.render(Self.pack)
        #expect(text == (html ? EvidencePackHTMLRenderer.render(Self.pack) : EvidencePackMarkdownRenderer.render(Self.pack)))
        let internalItems = Self.content.evidence.filter { $0.confidentiality == .internal }
        try #require(!internalItems.isEmpty)
        for item in internalItems {
            for secret in [item.id, item.title, item.location] { #expect(!text.contains(secret), "\(item.id) leaked") }
        }
        // What a buyer must not see: who reviewed, how many were rejected or left open, internal keys.
        for hidden in ["ana.reviewer", "ben.reviewer", "AI!Q-", "Approved by", "Rejected", "Undecided", "abc123abc123", Self.content.version] {
            #expect(!text.contains(hidden), "\(hidden) in the pack")
        }
        #expect(!text.contains("Yes. Yes") && !text.contains("**Yes**"), "the choice is not doubled")
        if html {
            #expect(!text.contains("<script>") && text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(text.contains("Unmapped &amp; odd?") && text.contains("&quot;quoted&quot;"))
            #expect(text.contains("<h3>ISO/IEC 42001</h3>") && text.contains("<h4>A.2.2 AI policy</h4>"))
            #expect(
                text.contains("<style>") && text.contains("@media print") && !text.contains("<link") && !text.contains("src="),
                "styled, self-contained, printable")
        } else {
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("# Injected") })
            #expect(text.contains("\\<script\\>") && text.contains("\\[link\\]"))
            #expect(text.contains("### ISO/IEC 42001") && text.contains("#### A.2.2 AI policy"))
            #expect(text.contains("- AI Policy: <https://trust.northwindanalytics.example/ai-policy>"))
            #expect(text.contains("- Model Card: Northwind PreQual: available under NDA"))
        }
    }
}
