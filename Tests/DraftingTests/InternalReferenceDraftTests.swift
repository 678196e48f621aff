import Foundation
import KnowledgeBase
import ResponderModel
import RunStore
import RunStoreSQLite
import Testing
@testable import Drafting

/// A library or learned answer that names internal evidence is never drafted verbatim: its text is
/// withheld and the draft flagged `internal_reference`.
@Suite struct InternalReferenceDraftTests {
    static func library(_ id: String, _ question: String, _ answer: String) -> LibraryAnswer {
        LibraryAnswer(
            id: id, question: question, choice: "Yes", answer: answer, topic: "security", controls: [], evidence: [],
            systems: [], assessments: [], approvedBy: "Compliance", approvedDate: "2026-01-01", source: "Q1")
    }

    static func draft(_ question: String, library: [LibraryAnswer]) -> DraftAnswer {
        var content = DraftFlagTests.content
        content.library += library
        return Drafter(content: content, asOf: "2026-11-23").draft(Question(id: "Q", sheet: "AI", row: 2, text: question)).answer
    }

    @Test(arguments: [
        ("ID", "Yes: see EV-2."),
        ("title", "Yes, as our Logging Standard requires."),
        ("location", "Yes; details at wiki/logging."),
    ])
    func aLibraryAnswerNamingInternalEvidenceIsWithheld(name: String, text: String) {
        let answer = Self.draft(
            "Do you rotate database backups every week?",
            library: [Self.library("LIB-9", "Do you rotate database backups every week?", text)])
        #expect(answer.text.isEmpty, "\(name)")
        #expect(answer.flags.contains(.internalReference) && answer.flags.contains(.libraryReuse), "\(name)")
        #expect(answer.confidence == .low)
        #expect(!(answer.provenance ?? "").contains("EV-2") && !(answer.provenance ?? "").contains("Logging"))
    }

    @Test func aCleanLibraryAnswerIsReused() {
        let answer = Self.draft(
            "Do you rotate database backups every week?",
            library: [Self.library("LIB-9", "Do you rotate database backups every week?", "Yes, weekly.")])
        #expect(answer.text == "Yes, weekly." && !answer.flags.contains(.internalReference))
    }

    /// An approved edit naming an internal document, recorded before edits were checked, becomes a
    /// learned answer; reusing it withholds the text.
    @Test func aLearnedAnswerNamingInternalEvidenceIsWithheld() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("internal-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteRunStore(path: folder.appendingPathComponent("kb.sqlite").path)
        let question = "Do you rotate database backups every week?"
        let run = try await store.recordRun(
            RunDraft(
                path: "buyer.xlsx", contentHash: "hash", kbVersion: "kb-1", asOf: "2026-01-01",
                createdAt: "2026-01-01T00:00:00Z", drafted: ReviewWorkbookTests.drafts(texts: [question])))
        try await store.decide(
            run: run, key: "Q-1", status: .edited, choice: "Yes", text: "Yes, see the Board minutes at wiki/minutes.",
            reviewer: "ana", at: "2026-01-02T00:00:00Z")
        let learned = try await store.learnedAnswers()
        #expect(learned.count == 1)
        let answer = Self.draft(question, library: learned)
        #expect(answer.text.isEmpty && answer.flags.contains(.internalReference))
    }
}
