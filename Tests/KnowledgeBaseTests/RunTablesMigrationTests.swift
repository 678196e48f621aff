import Foundation
import GRDB
import Testing
@testable import KnowledgeBase

/// `v5-drop-run-tables`: the search index no longer carries the run tables it held before runs
/// moved to the run store, and never drops runs a file still holds.
@Suite struct RunTablesMigrationTests {
    static let runTables: Set<String> = ["run", "run_question", "decision", "audit_log"]

    static func tables(_ path: String) throws -> Set<String> {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
    }

    @Test(arguments: [false, true])
    func anIndexLosesTheEmptyRunTablesAndKeepsHeldRuns(holdsARun: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("RunTablesMigrationTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb-index.sqlite").path
        let old = try DatabaseQueue(path: path)
        try KnowledgeBaseSchema.migrator.migrate(old, upTo: KnowledgeBaseSchema.v4)
        if holdsARun {
            try old.write { db in
                try db.execute(sql: "INSERT INTO run VALUES ('R1', 'buyer.csv', 'h', 'v', '2026-11-23', '2026-11-23T10:00:00Z')")
            }
        }
        try old.close()
        #expect(try Self.tables(path).isSuperset(of: Self.runTables))

        _ = try KnowledgeBaseStore(path: path)
        let tables = try Self.tables(path)
        #expect(tables.contains("catalogue_entry"))
        #expect(tables.isSuperset(of: Self.runTables) == holdsARun)
        #expect(tables.isDisjoint(with: Self.runTables) == !holdsARun)
    }

    @Test func aNewIndexHasNoRunTables() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("RunTablesMigrationTests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb-index.sqlite").path
        _ = try KnowledgeBaseStore(path: path)
        #expect(try Self.tables(path).isDisjoint(with: Self.runTables))
    }
}
