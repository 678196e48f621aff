import Foundation
import Testing
import Spreadsheet
import TestSupport

/// Runs the built `responder draft` on the bundled samples exactly as the README does, with a fixed
/// `--as-of` date so the outputs can be compared with golden files.
@Suite(.serialized) struct DraftEndToEndTests {
    static let root = Fixtures.repositoryRoot()
    static let asOf = "2026-11-23"

    /// Drafts the sample questionnaires into a fresh folder and returns it.
    static func draftSamples() throws -> (URL, ResponderBinary.Outcome) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("responder-e2e-\(UUID().uuidString)")
        let outcome = try ResponderBinary.run([
            "draft", "Samples/questionnaires", "--kb", "Samples/org", "--out", out.path, "--as-of", asOf,
            "--db", out.appendingPathComponent("store.sqlite").path,
        ])
        return (out, outcome)
    }

    static let outputNames = [
        "globex-ai-vendor-assessment.draft.json", "globex-ai-vendor-assessment.draft.csv", "globex-ai-vendor-assessment.review.md",
        "acme-retail-ai-questions.draft.json", "acme-retail-ai-questions.draft.csv", "acme-retail-ai-questions.review.md",
    ]

    /// The samples' review reports and CSV drafts as golden files. Their JSON drafts are not kept
    /// (thousands of lines that every matching change rewrites); the JSON format is pinned by the
    /// tiny knowledge base's golden below, small enough that a change reads as a diff.
    @Test func draftsTheSamplesAsGoldenFiles() throws {
        let (out, outcome) = try DraftEndToEndTests.draftSamples()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("total"))
        for name in DraftEndToEndTests.outputNames where !name.hasSuffix(".json") {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            let golden = Fixtures.folder().deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
            let mismatch = Golden.mismatch(data, goldenFile: golden)
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }

    /// The whole JSON draft of a four-question questionnaire against a knowledge base of two
    /// catalogue entries (`Fixtures/tiny-kb`): every field of the format, in a golden of about 250 lines.
    @Test func draftsATinyQuestionnaireAsAGoldenJSON() throws {
        let scratch = try ScratchFolder("responder-tiny")
        let fixtures = "Tests/EndToEndTests/Fixtures"
        let outcome = try ResponderBinary.run([
            "draft", "\(fixtures)/tiny-questionnaire.csv", "--kb", "\(fixtures)/tiny-kb/org", "--mappings", "\(fixtures)/tiny-kb/Mappings",
            "--as-of", Self.asOf, "--format", "json", "--out", scratch.path("out"), "--db", scratch.path("store.sqlite"),
        ])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/tiny-questionnaire.draft.json")))
        let golden = Fixtures.folder().deletingLastPathComponent().appendingPathComponent("Golden/tiny-questionnaire.draft.json")
        let mismatch = Golden.mismatch(data, goldenFile: golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func twoRunsAreByteIdentical() throws {
        let (first, _) = try DraftEndToEndTests.draftSamples()
        let (second, _) = try DraftEndToEndTests.draftSamples()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        for name in DraftEndToEndTests.outputNames {
            let left = try Data(contentsOf: first.appendingPathComponent(name))
            let right = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(left == right, "\(name) differs between runs")
        }
    }

    @Test func noInternalEvidenceReachesAnyOutput() throws {
        let (out, _) = try DraftEndToEndTests.draftSamples()
        defer { try? FileManager.default.removeItem(at: out) }
        let register = try CSVReader.read(
            data: Data(contentsOf: DraftEndToEndTests.root.appendingPathComponent("Samples/org/evidence.csv")),
            path: "evidence.csv"
        ).sheets[0]
        let header = register.rows[0].cells.map(\.value.displayText)
        let idColumn = try #require(header.firstIndex(of: "id")) + 1
        let titleColumn = try #require(header.firstIndex(of: "title")) + 1
        let tierColumn = try #require(header.firstIndex(of: "confidentiality")) + 1
        let internalRows = register.rows.dropFirst().filter { $0.cell(inColumn: tierColumn)?.value.displayText == "internal" }
        #expect(!internalRows.isEmpty)
        for name in DraftEndToEndTests.outputNames {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            for row in internalRows {
                let id = row.cell(inColumn: idColumn)?.value.displayText ?? ""
                let title = row.cell(inColumn: titleColumn)?.value.displayText ?? ""
                #expect(!text.contains("\"\(id)\"") && !text.contains(":\(id)") && !text.contains("`\(id)`"), "\(id) in \(name)")
                #expect(!text.contains(title), "internal title '\(title)' in \(name)")
            }
        }
    }

    @Test func aFailingFileDoesNotStopTheBatch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("responder-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a zip".utf8).write(to: folder.appendingPathComponent("broken.xlsx"))
        try FileManager.default.copyItem(
            at: DraftEndToEndTests.root.appendingPathComponent("Samples/questionnaires/acme-retail-ai-questions.csv"),
            to: folder.appendingPathComponent("acme.csv"))
        let out = folder.appendingPathComponent("out")
        let outcome = try ResponderBinary.run([
            "draft", folder.path, "--kb", "Samples/org", "--out", out.path, "--as-of", DraftEndToEndTests.asOf,
            "--db", folder.appendingPathComponent("store.sqlite").path,
        ])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("broken.xlsx"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("acme.draft.json").path))
    }

    @Test func failUnderSetsTheExitStatus() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("responder-fail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ResponderBinary.run([
            "draft", "Samples/questionnaires/acme-retail-ai-questions.csv", "--kb", "Samples/org",
            "--out", folder.path, "--as-of", DraftEndToEndTests.asOf, "--fail-under", "100",
            "--db", folder.appendingPathComponent("store.sqlite").path,
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("below --fail-under"))
    }
}
