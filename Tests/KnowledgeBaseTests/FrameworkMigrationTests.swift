import Foundation
import GRDB
import Testing
@testable import KnowledgeBase

/// `v4-frameworks` qualifies what a store written before frameworks holds: its controls were
/// all ISO/IEC 42001's.
@Suite struct FrameworkMigrationTests {
    @Test func rowsWrittenBeforeFrameworksBecomeISO42001() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("FrameworkMigrationTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kb.sqlite").path
        let old = try DatabaseQueue(path: path)
        try KnowledgeBaseSchema.migrator.migrate(old, upTo: KnowledgeBaseSchema.v3)
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO catalogue_entry VALUES ('A.5.2', 'control', 'AI system impact assessment process', 'A.5', 'd', '', '');
                    INSERT INTO applicability VALUES ('A.5.2', 1, NULL, 'implemented', NULL, 'We assess.', 'CTO', 'EV-1');
                    INSERT INTO search_index (kind, ref, title) VALUES ('catalogue', 'A.5.2', 'AI system impact assessment process');
                    INSERT INTO run VALUES ('R1', 'buyer.csv', 'h', 'v', '2026-11-23', '2026-11-23T10:00:00Z');
                    INSERT INTO run_question (run_id, position, key, sheet, row, question_id, text, draft_text, confidence, flags, citations)
                    VALUES ('R1', 0, 'S!Q1', 'S', 2, 'Q1', 'Impact?', 'We assess.', 'high', '',
                            'control:A.5.2' || char(10) || 'clause:6.1.2' || char(10) || 'evidence:EV-1');
                    """)
        }
        try old.close()

        _ = try KnowledgeBaseStore(path: path)
        let check = try DatabaseQueue(path: path)
        let values = try check.read { db in
            try [
                "SELECT framework FROM catalogue_entry WHERE id = 'A.5.2'", "SELECT framework FROM applicability WHERE control = 'A.5.2'",
                "SELECT ref FROM search_index", "SELECT citations FROM run_question",
            ].map { try String.fetchOne(db, sql: $0) }
        }
        #expect(values == ["iso42001", "iso42001", "iso42001:A.5.2", "control:iso42001:A.5.2\nclause:iso42001:6.1.2\nevidence:EV-1"])
    }
}
