import Foundation
import KnowledgeBase
import RunStore
import Workflow
import Spreadsheet
import Testing
import TestSupport

/// A review import killed half-way leaves the store exactly as it was (SECURITY.md, "Nothing lost").
@Suite(.serialized) struct ReviewImportInterruptionTests {
    typealias Scratch = ReviewExportEndToEndTests.Scratch

    @Test func killingAnImportHalfWayLeavesTheStoreAsItWas() async throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, questions) = try scratch.draft()
        let review = scratch.folder.appendingPathComponent("review.xlsx")
        #expect(try scratch.run(["review", "export", id, "--out", review.path]).status == 0)

        // One decision already recorded, so "as it was" is not simply "empty".
        let firstKey = ReviewExportEndToEndTests.key(questions[0])
        #expect(try scratch.run(["review", "reject", id, firstKey, "--reviewer", "bo"]).status == 0)
        let before = try await Self.snapshot(store: scratch.store, run: id)
        #expect(before.decisions.count == 1 && before.auditRows == 1)

        // Reject every row in the workbook: each is a valid decision, so the import has one per question.
        let blank = try SpreadsheetReader.read(path: review.path).workbook
        let part = try #require(blank.sheet(named: "Review")?.partPath)
        let edits = (2...(questions.count + 1)).map { XLSXCellEdit(part: part, cell: CellAddress("J\($0)")!, text: "Reject") }
        let filled = scratch.folder.appendingPathComponent("review-filled.xlsx")
        try XLSXCellPatcher.patch(review, edits: edits, output: filled)

        let marker = scratch.folder.appendingPathComponent("paused")
        let half = questions.count / 2
        let process = Process()
        process.executableURL = ResponderBinary.url
        process.arguments = ["review", "import", filled.path, "--reviewer", "ana", "--db", scratch.store]
        process.currentDirectoryURL = Fixtures.repositoryRoot()
        process.environment = ProcessInfo.processInfo.environment.merging([
            "RESPONDER_TEST_PAUSE_IMPORT_AFTER": "\(half)", "RESPONDER_TEST_PAUSE_MARKER": marker.path,
        ]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker.path), process.isRunning, Date() < deadline {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        #expect(FileManager.default.fileExists(atPath: marker.path), "the import never reached decision \(half)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

        // The transaction never committed: the store holds what it held before, and stays usable.
        #expect(try await Self.snapshot(store: scratch.store, run: id) == before)
        let retried = try scratch.run(["review", "import", filled.path, "--reviewer", "ana"])
        #expect(retried.status == 0, "stderr: \(retried.stderr)")
        #expect(retried.stdout.contains("\(questions.count - 1) applied, 1 unchanged, 0 skipped"), "\(retried.stdout)")
        let after = try await Self.snapshot(store: scratch.store, run: id)
        #expect(after.decisions.count == questions.count && after.auditRows == questions.count)
    }

    /// The decisions of the run and the size of the audit log.
    private static func snapshot(store path: String, run: String) async throws -> Snapshot {
        let store = try await RunStoreOpener.open(.sqlite(path: path))
        let snapshot = Snapshot(decisions: try await store.decisions(run: run), auditRows: try await store.auditLog(run: nil).count)
        try await store.close()
        return snapshot
    }

    private struct Snapshot: Equatable {
        var decisions: [ReviewDecision]
        var auditRows: Int
    }
}
