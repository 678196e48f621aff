import Foundation
import GRDB
import KnowledgeBase
import RunStore
import RunStoreSQLite
import Testing

/// A store written when runs lived in the knowledge-base folder (`<kb>/.responder/store.sqlite`,
/// migrations v1-v4) opens as a run store: its runs and decisions are all there, and it gains only v5.
@Suite struct LegacyStoreTests {
    @Test func aKnowledgeBaseStoreWithRunsOpensAsARunStore() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("LegacyStoreTests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        // The knowledge-base schema as it stood when it held runs.
        try KnowledgeBaseSchema.migrator.migrate(queue, upTo: KnowledgeBaseSchema.v4)
        try queue.inDatabase { db in
            try db.execute(
                sql: """
                    INSERT INTO run VALUES ('R1', 'buyer.csv', 'h', 'kb-1', '2026-11-23', '2026-11-23T10:00:00Z');
                    INSERT INTO run_question (run_id, position, key, sheet, row, question_id, text, draft_text, confidence, flags, citations)
                    VALUES ('R1', 0, 'S!Q1', 'S', 2, 'Q1', 'Impact?', 'We assess.', 'high', '', 'control:iso42001:A.5.2');
                    INSERT INTO decision VALUES ('R1', 'S!Q1', 'approved', NULL, 'We assess.', 'ana', '2026-11-24T09:00:00Z');
                    INSERT INTO audit_log (run_id, key, action, reviewer, at, before, after, kb_version)
                    VALUES ('R1', 'S!Q1', 'approved', 'ana', '2026-11-24T09:00:00Z', NULL, '{}', 'kb-1');
                    """)
        }
        try queue.close()
        let store = try SQLiteRunStore(path: path)
        #expect(try await store.runs().map(\.id) == ["R1"])
        let decision = try #require(try await store.decisions(run: "R1").first)
        #expect(decision.reviewer == "ana" && decision.revision == 1 && decision.notes == nil)
        #expect(try await store.auditLog(run: "R1").count == 1)
        #expect(try await store.decide(run: "R1", key: "Q1", status: .rejected, base: 1, reviewer: "bob", at: "t").changed)
        #expect(try await store.decisions(run: "R1").first?.revision == 2)
        try await store.close()
    }
}
