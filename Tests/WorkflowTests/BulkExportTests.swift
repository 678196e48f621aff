import Drafting
import Foundation
import RunStore
import Testing
import TestSupport
import Workflow

/// `export --all` through ``BulkExport``: which runs, which names, and a moved buyer file skipped
/// with its path while the others go out.
@Suite struct BulkExportTests {
    typealias Scratch = ExportSessionTests.Scratch

    /// Runs of `buyer.csv` (the scratch's own), `a/acme.csv`, `b/acme.csv` and `globex.csv`, oldest first.
    static func scratch() async throws -> (Scratch, [String]) {
        let scratch = try await Scratch()
        var ids = [scratch.runID]
        for (path, day) in [("a/acme.csv", "24"), ("b/acme.csv", "25"), ("globex.csv", "26")] {
            ids.append(try await Scratch.record(scratch.url(path), in: scratch.store, createdAt: "2026-11-\(day)T09:00:00.000Z"))
        }
        return (scratch, ids)
    }

    static func bulk(_ scratch: Scratch, _ options: BulkExport.Options) -> BulkExport {
        BulkExport(session: scratch.session(), options: options)
    }

    @Test func onlyReviewedRunsMatchingTheFiltersAreSelected() async throws {
        let (scratch, ids) = try await Self.scratch()
        for id in ids.dropLast() { try await scratch.store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "2026-11-20T00:00:00.000Z") }
        try await scratch.store.decide(run: ids[3], key: "Q-1", status: .rejected, reviewer: "ana", at: "2026-11-20T00:00:00.000Z")
        let out = scratch.url("out")
        #expect(
            try await Self.bulk(scratch, .init(outDir: out)).selectedRuns().map(\.id) == Array(ids.prefix(3)),
            "globex has only a rejection")
        #expect(try await Self.bulk(scratch, .init(since: "2026-11-24", outDir: out)).selectedRuns().map(\.id) == [ids[1], ids[2]])
        #expect(try await Self.bulk(scratch, .init(buyer: "ACME", outDir: out)).selectedRuns().map(\.id) == [ids[1], ids[2]])
        #expect(try await Self.bulk(scratch, .init(since: "2026-11-25", buyer: "buyer", outDir: out)).selectedRuns().isEmpty)
    }

    @Test func namesAreTheBuyersAndNeverOverwrite() async throws {
        let (scratch, ids) = try await Self.scratch()
        for id in ids { try await scratch.store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "2026-11-20T00:00:00.000Z") }
        let out = scratch.url("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: out.appendingPathComponent("globex.csv"))
        var progress: [Int] = []
        let results = try await Self.bulk(scratch, .init(outDir: out, evidencePacks: .html)).run { done, _, _ in progress.append(done) }
        #expect(progress == [0, 1, 2, 3, 4])
        let paths = results.map { result -> [String] in
            guard case .exported(let outcome) = result.status else { return [] }
            return outcome.paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        }
        #expect(
            paths == [
                ["buyer.csv", "buyer.evidence.html"], ["acme.csv", "acme.evidence.html"],
                ["acme (2).csv", "acme (2).evidence.html"], ["globex (2).csv", "globex (2).evidence.html"],
            ])
        #expect(try String(contentsOf: out.appendingPathComponent("globex.csv"), encoding: .utf8) == "kept")
        // Again into the same folder: new names, and each run says nothing changed since its first export.
        let again = try await Self.bulk(scratch, .init(outDir: out, answers: .json)).run()
        let names = again.compactMap { result -> String? in
            guard case .exported(let outcome) = result.status else { return nil }
            #expect(outcome.changes?.isEmpty == true)
            return outcome.paths.first.map { URL(fileURLWithPath: $0).lastPathComponent }
        }
        #expect(names == ["buyer.answers.json", "acme.answers.json", "acme (2).answers.json", "globex.answers.json"])
        #expect(try await scratch.store.exports(run: nil).count == 8)
    }

    @Test func aMovedOrChangedBuyerFileIsSkippedWithItsPath() async throws {
        let (scratch, ids) = try await Self.scratch()
        for id in ids { try await scratch.store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "2026-11-20T00:00:00.000Z") }
        try FileManager.default.moveItem(at: scratch.url("a/acme.csv"), to: scratch.url("acme-moved.csv"))
        try Data("ID,Question,Answer\r\n".utf8).write(to: scratch.url("globex.csv"))
        let out = scratch.url("out")
        let results = try await Self.bulk(scratch, .init(outDir: out)).run()
        #expect(results.map(\.run.id) == ids)
        var skipped: [(ExportError.Kind, String)] = []
        for result in results {
            if case .skipped(let error) = result.status { skipped.append((error.kind, error.message)) }
        }
        #expect(skipped.map(\.0) == [.questionnaireMissing, .questionnaireChanged])
        #expect(skipped[0].1.contains(scratch.url("a/acme.csv").path) && skipped[1].1.contains(scratch.url("globex.csv").path))
        #expect(
            ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).sorted() == ["acme.csv", "buyer.csv"],
            "the other acme run takes the plain name: a skipped run takes none")
        #expect(try await scratch.store.exports(run: nil).map(\.runId) == [ids[0], ids[2]])
    }
}
