import Foundation
import Testing
import TestSupport

/// `review edit` refuses, with the reason, a text that names internal evidence or is longer than a
/// cell holds, and records nothing.
@Suite(.serialized) struct ReviewEditRefusalEndToEndTests {
    @Test(arguments: [
        ("an internal evidence ID", "Yes, see EV-021.", "names internal evidence: EV-021"),
        ("an internal title", "Yes, under our Generative AI Acceptable Use Policy.", "its title 'Generative AI Acceptable Use Policy'"),
        ("an intranet location", "Yes: grc.northwind.internal/exports/ai-risk-register-2026-q3.xlsx", "names internal evidence: EV-029"),
        ("40,000 characters", String(repeating: "x", count: 40_000), "the text has 40000 characters; an answer cell holds at most 32767"),
    ])
    func editsAreRefusedWithTheReason(name: String, text: String, reason: String) throws {
        let scratch = try ReviewExportEndToEndTests.Scratch(
            copying: Fixtures.repositoryRoot()
                .appendingPathComponent("Tests/QuestionnaireTests/Fixtures/RealLayouts/plain-response.csv"))
        let (id, questions) = try scratch.draft()
        let key = ReviewExportEndToEndTests.key(try #require(questions.first))
        let edit = try scratch.run(["review", "edit", id, key, "--text", text, "--reviewer", "ana", "--kb", "Samples/org"])
        #expect(edit.status == 1, "\(name)")
        #expect(edit.stderr.contains(reason), "\(name): \(edit.stderr.prefix(300))")
        let export = try scratch.run([
            "review", "export", id, "--out", scratch.folder.appendingPathComponent("r.xlsx").path,
            "--kb", "Samples/org",
        ])
        #expect(export.status == 0)
        let runs = try scratch.run(["export", id, "--out", scratch.folder.appendingPathComponent("filled.csv").path, "--kb", "Samples/org"])
        #expect(runs.status != 0 && runs.stderr.contains("has no approved or edited answer"), "nothing was recorded: \(runs.stderr)")
    }
}
