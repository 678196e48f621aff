import Foundation
import RunStore
import RunStoreSQLite
import Testing
import TestSupport

/// `responder store copy` moves a SQLite store into PostgreSQL and proves it.
@Suite struct StoreCopyEndToEndTests {
    @Test(arguments: StoreKind.enabled.filter { $0 == .postgres })
    func aSQLiteStoreIsCopiedToPostgresVerifiably(kind: StoreKind) async throws {
        let source = try await StoreKind.sqlite.scratch()
        let id = try await source.store.record(RunStoreSuiteTests.drafts())
        try await source.store.decide(run: id, key: "Q-1", status: .approved, notes: "Checked.", reviewer: "ana", at: "2026-11-01T09:00:00Z")
        try await source.store.decide(run: id, key: "Q-1", status: .rejected, reviewer: "bob", at: "2026-11-02T09:00:00Z")
        let counts = try await source.store.contents().counts
        await source.close()
        let destination = try await kind.scratch()
        await destination.close()
        guard case .sqlite(let path) = source.location, case .postgres(let url) = destination.location else { return }

        let copy = try ResponderBinary.run(["store", "copy", "--store", path, "--to", url])
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stdout.contains("from \(path): \(counts)"), "\(copy.stdout)")
        #expect(copy.stdout.contains("postgres://") && copy.stdout.contains(": \(counts)\ncopied and verified"), "\(copy.stdout)")
        let audit = try ResponderBinary.run(["audit", id, "--store", url])
        #expect(audit.stdout.contains("Checked.") && audit.stdout.contains("bob"), "\(audit.stdout)")
        // A second copy into the same database is refused: it already holds runs.
        let again = try ResponderBinary.run(["store", "copy", "--store", path, "--to", url])
        #expect(again.status == 1 && again.stderr.contains("already holds runs"), "\(again.stderr)")
    }
}
