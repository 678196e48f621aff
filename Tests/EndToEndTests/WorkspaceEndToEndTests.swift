import Foundation
import Testing
import TestSupport

/// A new user's path: `responder init` in a new folder, then draft, runs, review, export, audit
/// and search with no `--kb`; a misspelt `--kb` creates nothing; a copied knowledge base carries no runs.
@Suite struct WorkspaceEndToEndTests {
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("WorkspaceEndToEndTests-\(UUID().uuidString)")
        let questionnaire = Fixtures.repositoryRoot().appendingPathComponent("Samples/questionnaires/acme-retail-ai-questions.csv")

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Fixtures.repositoryRoot().appendingPathComponent("Samples/org"),
                to: url.appendingPathComponent("my-kb"))
            // A checkout used with an older build may hold a store inside the sample folder (ignored by
            // git); the new user's copy starts without it, so what the commands write is all that is seen.
            try? FileManager.default.removeItem(at: url.appendingPathComponent("my-kb/.responder"))
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func run(_ arguments: [String], in folder: String? = nil) throws -> ResponderBinary.Outcome {
            try ResponderBinary.run(arguments, in: folder.map { url.appendingPathComponent($0) } ?? url)
        }

        var tree: [String] {
            (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
        }
    }

    static func runID(_ outcome: ResponderBinary.Outcome) -> String? {
        outcome.stderr.split(separator: "\n").first { $0.hasPrefix("run ") }.map { String($0.dropFirst(4).prefix(12)) }
    }

    @Test func aNewWorkspaceNeedsNoKB() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init", "--kb", "my-kb"]).status == 0)
        let draft = try scratch.run(["draft", scratch.questionnaire.path, "--out", "out", "--as-of", "2026-11-23"])
        #expect(draft.status == 0, "\(draft.stderr)")
        let id = try #require(Self.runID(draft))
        // From a folder below the workspace too.
        let runs = try scratch.run(["runs"], in: "my-kb")
        #expect(runs.stdout.contains(id), "\(runs.stdout)\(runs.stderr)")
        let approve = try scratch.run(["review", "approve", id, "AR-01", "--reviewer", "ana", "--notes", "Checked with legal."])
        #expect(approve.status == 0 && approve.stdout.contains("approved acme-retail-ai-questions!AR-01"), "\(approve.stderr)")
        let export = try scratch.run(["export", id, "--out", "filled.csv"])
        #expect(export.status == 0 && export.stderr.contains("1 reviewed answers"), "\(export.stderr)")
        let audit = try scratch.run(["audit", id])
        #expect(audit.status == 0 && audit.stdout.contains("Checked with legal.") && audit.stdout.contains("ana"), "\(audit.stdout)")
        let json = try scratch.run(["audit", "--format", "json"])
        #expect(json.stdout.contains("\"notes\" : \"Checked with legal.\""), "\(json.stdout)")
        let search = try scratch.run(["search", "TLS 1.2", "--limit", "3"])
        #expect(search.status == 0 && search.stdout.contains("iso27001:A.8.24"), "\(search.stdout)\(search.stderr)")
        // Nothing of the workspace went into the knowledge-base folder.
        #expect(!scratch.tree.contains { $0.hasPrefix("my-kb/.responder") })
        #expect(scratch.tree.contains(".responder/store.sqlite"))
    }

    @Test(arguments: [
        ["runs", "--kb", "my-kbb"],
        ["review", "approve", "000000000000", "AR-01", "--reviewer", "ana", "--kb", "my-kbb"],
        ["review", "export", "000000000000", "--out", "r.xlsx", "--kb", "my-kbb"],
        ["export", "000000000000", "--out", "x.csv", "--kb", "my-kbb"],
        ["draft", "q.csv", "--kb", "my-kbb"],
        ["kb", "check", "--kb", "my-kbb"],
        ["library", "export", "--kb", "my-kbb"],
        ["audit", "--kb", "my-kbb"],
        ["init", "--kb", "my-kbb"],
    ])
    func aMisspeltKBCreatesNothing(arguments: [String]) throws {
        let scratch = try Scratch()
        let before = scratch.tree
        let outcome = try scratch.run(arguments)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("my-kbb does not exist"), "\(outcome.stderr)")
        #expect(scratch.tree == before)
    }

    @Test func aCopiedKnowledgeBaseCarriesNoRuns() throws {
        let scratch = try Scratch()
        #expect(try scratch.run(["init", "--kb", "my-kb"]).status == 0)
        let draft = try scratch.run(["draft", scratch.questionnaire.path, "--out", "out", "--as-of", "2026-11-23"])
        let id = try #require(Self.runID(draft))
        #expect(try scratch.run(["review", "approve", id, "AR-01", "--reviewer", "ana"]).status == 0)
        // As the README suggests: copy the knowledge base and start a workspace of its own.
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("other"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: scratch.url.appendingPathComponent("my-kb"), to: scratch.url.appendingPathComponent("other/kb"))
        #expect(try scratch.run(["init", "--kb", "kb"], in: "other").status == 0)
        let runs = try scratch.run(["runs", "--format", "json"], in: "other")
        #expect(runs.status == 0)
        #expect(runs.stdout.contains("\"runs\" : [\n\n  ]") || !runs.stdout.contains(id), "\(runs.stdout)")
        let library = try scratch.run(["library", "export"], in: "other")
        #expect(!library.stdout.contains("LIB-R-"), "the copy learned nothing from the first workspace's reviews")
    }
}
