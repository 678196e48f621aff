import Foundation
import GRDB
import ResponderModel
import RunStore
import RunStoreSQLite
import Testing

/// What a store refuses to trust (issue 16, items 2 and 7), against every store: a damaged file,
/// a schema a newer responder migrated, a decision on a draft that changed since it was shown.
@Suite struct StoreIntegrityTests {
    typealias Suite = RunStoreSuiteTests

    @Test func runIDsDependOnTheSystemScopeAndTheFrameworkSelection() {
        let plain = RunIdentity.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01")
        #expect(
            plain
                == RunIdentity.runID(
                    path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01",
                    systemScope: nil, frameworks: nil), "an unscoped run keeps the ID it always had")
        let variants = [
            RunIdentity.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01", systemScope: "AIS-001"),
            RunIdentity.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01", systemScope: "AIS-002"),
            RunIdentity.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01", frameworks: ["iso42001"]),
            RunIdentity.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01", frameworks: ["iso27001", "iso42001"]),
        ]
        #expect(Set(variants + [plain]).count == 5)
        #expect(
            variants[3]
                == RunIdentity.runID(
                    path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01",
                    frameworks: ["iso42001", "iso27001"]), "the selection's order does not matter")
    }

    @Test(arguments: StoreKind.enabled)
    func aDecisionOnADraftThatChangedSinceItWasShownIsRefused(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Suite.drafts())
        let shown = try #require(try await store.questions(run: id).first).draftHash
        // The same inputs drafted again (a learned answer changed the draft): same run, new text.
        var redrafted = Suite.drafts()
        redrafted[0].answer.text = "Drafted one, differently."
        #expect(try await store.record(redrafted, createdAt: "2026-01-02T00:00:00Z") == id)
        let current = try #require(try await store.questions(run: id).first).draftHash
        #expect(current != shown)

        let results = try await store.decide(
            run: id, [DecisionRequest(key: "Q-1", status: .approved, seenDraft: shown)],
            reviewer: "ana", at: "t1")
        guard case .refused(let error) = results[0] else { Issue.record("approved unseen text: \(results[0])"); return }
        #expect(error.kind == .draftChanged)
        #expect(error.message.contains("AI!Q-1") && error.message.contains("drafted again"))
        #expect(try await store.decisions(run: id).isEmpty)

        try await store.decide(run: id, [DecisionRequest(key: "Q-1", status: .approved, seenDraft: current)], reviewer: "ana", at: "t2")
        let decision = try #require(try await store.decisions(run: id).first)
        #expect(decision.text == "Drafted one, differently." && decision.draftHash == current)
        // A request with no draft named decides on the current one, and records it.
        try await store.decide(run: id, key: "Q-2", status: .rejected, reviewer: "ana", at: "t3")
        #expect(try await store.decisions(run: id).last?.draftHash == (try await store.questions(run: id))[1].draftHash)
        // A copy keeps what each decision was made on.
        #expect(try await store.contents().runs[0].decisions.map(\.draftHash) == [current, (try await store.questions(run: id))[1].draftHash])
        await scratch.close()
    }

    @Test(arguments: StoreKind.enabled)
    func aStoreANewerResponderMigratedIsRefusedForReadingAndWriting(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let id = try await scratch.store.record(Suite.drafts())
        await scratch.close()
        switch kind {
        case .sqlite:
            try await scratch.executeRaw("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            try await scratch.executeRaw("ALTER TABLE decision ADD COLUMN certainty INTEGER NOT NULL DEFAULT 0")
        case .postgres:
            try await scratch.executeRaw("INSERT INTO responder_migrations (identifier) VALUES ('v99-from-the-future')")
            try await scratch.executeRaw("ALTER TABLE decision ADD COLUMN certainty INTEGER NOT NULL DEFAULT 0")
        }
        do {
            let store = try await RunStoreOpenerForTests.open(scratch.location)
            _ = try? await store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t1")
            try? await store.close()
            Issue.record("a store with an unknown migration was opened")
        } catch let error as RunStoreError {
            #expect(error.kind == .newerSchema)
            #expect(error.message.contains("newer responder") && error.message.contains("v99-from-the-future"))
            #expect(error.message.contains(scratch.location.description))
        }
    }

    @Test(arguments: StoreKind.enabled)
    func theFullCheckFindsAnUnprotectedAuditLog(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let sound = try await scratch.store.check()
        #expect(sound.isSound, "\(sound.problems)")
        try await scratch.executeRaw("DROP TRIGGER audit_log_is_append_only_delete" + (kind == .postgres ? " ON audit_log" : ""))
        let damaged = try await scratch.store.check()
        #expect(
            damaged.problems == [
                "the audit log's trigger audit_log_is_append_only_delete is missing: the log is no longer "
                    + "protected against changes"
            ])
        await scratch.close()
    }

    /// SQLite: a file with a page overwritten is refused on open, naming the file, before anything is read or written.
    @Test func aDamagedSQLiteStoreIsRefusedOnOpen() async throws {
        let scratch = try await StoreKind.sqlite.scratch()
        for index in 0..<40 {
            try await scratch.store.record(Suite.drafts(), path: "buyer-\(index).xlsx", createdAt: "2026-01-01T00:00:\(index)Z")
        }
        await scratch.close()
        guard case .sqlite(let path) = scratch.location else { return }
        // Closing moved every page into the file; without its WAL the file alone is the store.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let pageSize = 4096
        #expect(size >= 6 * pageSize, "the store spans several pages (\(size) bytes)")
        // Overwrite the third page (a table's b-tree page) with garbage, as a failing disk would.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64(2 * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: pageSize))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        do {
            let store = try SQLiteRunStore(path: path)
            try? await store.close()
            Issue.record("a damaged store was opened")
        } catch let error as RunStoreError {
            #expect(error.kind == .damaged)
            #expect(error.message.contains(path) && error.message.contains("damaged"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "nothing was written to the damaged file")
    }
}
