import Foundation
import Testing
import TestSupport

/// Reviewed answers feed the library: the next draft of the same questions reuses them.
@Suite(.serialized) struct LibraryLearningEndToEndTests {
    typealias Scratch = ReviewExportEndToEndTests.Scratch

    static func flags(_ question: [String: Any]) -> [String] {
        (question["answer"] as? [String: Any])?["flags"] as? [String] ?? []
    }

    @Test func approvedAndEditedAnswersAreReusedByTheNextDraft() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, questions) = try scratch.draft()
        let fresh = questions.filter { !Self.flags($0).contains("library_reuse") && !ReviewExportEndToEndTests.answer($0).text.isEmpty }
        let (approved, edited) = (try #require(fresh.first), try #require(fresh.dropFirst().first))
        let approve = try scratch.run(["review", "approve", id, ReviewExportEndToEndTests.key(approved), "--reviewer", "Ana Ruiz"])
        #expect(approve.status == 0, "stderr: \(approve.stderr)")
        let edit = try scratch.run([
            "review", "edit", id, ReviewExportEndToEndTests.key(edited), "--text",
            "Edited: reviewed by the AI governance board.", "--reviewer", "Ben Ode",
        ])
        #expect(edit.status == 0, "stderr: \(edit.stderr)")

        let (_, again) = try scratch.draft()
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let cases: [(before: [String: Any], text: String, reviewer: String)] = [
            (approved, ReviewExportEndToEndTests.answer(approved).text, "Ana Ruiz"),
            (edited, "Edited: reviewed by the AI governance board.", "Ben Ode"),
        ]
        for (before, text, reviewer) in cases {
            let key = ReviewExportEndToEndTests.key(before)
            let after = try #require(again.first { ReviewExportEndToEndTests.key($0) == key })
            #expect(Self.flags(after).contains("library_reuse"), "\(key) reuses the reviewed answer")
            #expect(ReviewExportEndToEndTests.answer(after).text == text)
            let provenance = (after["answer"] as? [String: Any])?["provenance"] as? String ?? ""
            #expect(
                provenance.contains("approved by \(reviewer) on \(today) (source: globex-ai-vendor-assessment.xlsx)"),
                "provenance: \(provenance)")
            #expect(provenance.hasPrefix("LIB-R-\(id)-"))
        }
    }

    @Test func libraryExportLoadsBackAndHoldsLearnedAnswers() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, questions) = try scratch.draft()
        let approved = try #require(questions.first { !ReviewExportEndToEndTests.answer($0).text.isEmpty })
        #expect(try scratch.run(["review", "approve", id, ReviewExportEndToEndTests.key(approved), "--reviewer", "Ana"]).status == 0)

        let stdout = try scratch.run(["library", "export", "--kb", "Samples/org"])
        #expect(stdout.status == 0, "stderr: \(stdout.stderr)")
        #expect(stdout.stdout.hasPrefix("formatVersion: 1\nanswers:\n"))
        #expect(stdout.stdout.contains("LIB-R-\(id)-"))
        let again = try scratch.run(["library", "export", "--kb", "Samples/org"])
        #expect(again.stdout == stdout.stdout, "the export is deterministic")

        // A copy of the sample knowledge base with the exported library must check clean.
        let kb = scratch.folder.appendingPathComponent("kb")
        try FileManager.default.copyItem(at: ReviewExportEndToEndTests.root.appendingPathComponent("Samples/org"), to: kb)
        let written = try scratch.run(["library", "export", "--kb", "Samples/org", "--out", kb.appendingPathComponent("library.yaml").path])
        #expect(written.status == 0, "stderr: \(written.stderr)")
        #expect(try String(contentsOf: kb.appendingPathComponent("library.yaml"), encoding: .utf8) == stdout.stdout)
        let check = try scratch.run(["kb", "check", "--kb", kb.path])
        #expect(check.status == 0 && check.stdout.contains(": 0 errors"), "kb check: \(check.stdout)\(check.stderr)")
    }
}
