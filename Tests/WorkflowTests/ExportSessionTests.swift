import Drafting
import Foundation
import KnowledgeBase
import ResponderModel
import RunStore
import Testing
import TestSupport
import Workflow

/// One run's export through ``ExportSession``: what it refuses before writing anything (empty
/// reviews, moved or changed buyer files, outputs named wrongly, existing or the input), and what
/// it records (file names and SHA-256, changes since the last export).
@Suite struct ExportSessionTests {
    static let root = Fixtures.repositoryRoot()
    static let content = KnowledgeBaseLoader.load(
        mappings: root.appendingPathComponent("Mappings").path,
        organisation: root.appendingPathComponent("Samples/org").path
    ).content

    /// A scratch folder with a two-question CSV questionnaire recorded as a run in a SQLite store.
    final class Scratch: Sendable {
        let scratch: ScratchFolder
        let store: any RunStore
        let runID: String
        let csv: URL
        static let text = "ID,Question,Answer\r\nQ-1,Do you have an AI policy?,\r\nQ-2,Do you test models for bias?,\r\n"

        var folder: URL { scratch.url }

        init(name: String = "buyer.csv") async throws {
            scratch = try ScratchFolder("ExportSessionTests")
            let folder = scratch.url
            store = try await RunStoreOpener.open(.sqlite(path: folder.appendingPathComponent("store.sqlite").path))
            csv = folder.appendingPathComponent(name)
            runID = try await Self.record(csv, in: store, createdAt: "2026-11-23T09:00:00.000Z")
        }

        /// Writes the questionnaire to `file` and records a run of it.
        static func record(_ file: URL, in store: any RunStore, createdAt: String) async throws -> String {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            let sheet = file.deletingPathExtension().lastPathComponent
            let drafted = [("Q-1", 2, "Yes. We keep an AI policy."), ("Q-2", 3, "We test for bias.")].map { id, row, text in
                DraftedQuestion(
                    question: Question(
                        id: id, sheet: sheet, row: row, text: "Question \(row)?",
                        answerCells: [AnswerCell(column: "C", kind: .text)]),
                    intent: .yesno, matches: [],
                    answer: DraftAnswer(
                        choice: nil, text: text, citations: [Citation(kind: .evidence, id: "EV-001")],
                        confidence: .high, score: 0.9, flags: []))
            }
            return try await store.recordRun(
                RunDraft(
                    path: file.path, contentHash: RunIdentity.fingerprint(Data(text.utf8)),
                    kbVersion: ExportSessionTests.content.version, asOf: "2026-11-23",
                    createdAt: createdAt, drafted: drafted))
        }

        func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

        func session(at time: String = "2026-11-24T10:00:00.000Z") -> ExportSession {
            ExportSession(store: store, content: ExportSessionTests.content, exportedBy: "ana", clock: { time })
        }

        func approve(_ key: String, at time: String) async throws {
            try await store.decide(run: runID, key: key, status: .approved, reviewer: "ana", at: time)
        }

        var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }
    }

    static func refusal(_ body: () async throws -> Void) async -> ExportError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? ExportError
        }
    }

    @Test func nothingApprovedIsRefusedUnlessDraftsOrEmptyAreAsked() async throws {
        let scratch = try await Scratch()
        let before = scratch.files
        let error = await Self.refusal { _ = try await scratch.session().export(.init(runID: scratch.runID, filled: scratch.url("out.csv"))) }
        #expect(error?.kind == .nothingToExport)
        #expect(error?.message.contains("--include-drafts or --allow-empty") == true, "\(String(describing: error))")
        #expect(scratch.files == before, "nothing written")
        #expect(try await scratch.store.exports(run: nil).isEmpty, "nothing recorded")

        let empty = try await scratch.session().export(.init(runID: scratch.runID, filled: scratch.url("empty.csv"), allowEmpty: true))
        #expect(empty.answersWritten == 0 && empty.skippedQuestions == 2)
        let drafts = try await scratch.session().export(
            .init(
                runID: scratch.runID, filled: scratch.url("drafts.csv"),
                options: RunExporter.Options(includeDrafts: true)))
        #expect(drafts.answersWritten == 2)
        #expect(try String(contentsOf: scratch.url("drafts.csv"), encoding: .utf8).contains("[DRAFT] We test for bias."))
    }

    @Test(arguments: [
        ("out.xlsx", "give it a name ending .csv"),
        ("buyer.csv", "the buyer's file is never overwritten"),
        ("existing.csv", "exists and is kept; add --force to replace it"),
    ])
    func outputsAreCheckedBeforeAnythingIsWritten(name: String, message: String) async throws {
        let scratch = try await Scratch()
        try await scratch.approve("Q-1", at: "2026-11-24T09:00:00.000Z")
        try Data("the buyer's earlier file".utf8).write(to: scratch.url("existing.csv"))
        let before = scratch.files
        let error = await Self.refusal {
            _ = try await scratch.session().export(
                .init(
                    runID: scratch.runID, filled: scratch.url(name),
                    evidencePack: scratch.url("pack.html")))
        }
        #expect(error?.kind == .outputRefused)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(scratch.files == before, "not even the evidence pack was written")
        #expect(try String(contentsOf: scratch.url("existing.csv"), encoding: .utf8) == "the buyer's earlier file")
        #expect(try String(contentsOf: scratch.csv, encoding: .utf8) == Scratch.text, "the input is untouched")
    }

    @Test func forceReplacesAnExistingOutputAndAnswersAndPacksNeedTheirExtensions() async throws {
        let scratch = try await Scratch()
        try await scratch.approve("Q-1", at: "2026-11-24T09:00:00.000Z")
        try Data("old".utf8).write(to: scratch.url("existing.csv"))
        let outcome = try await scratch.session().export(.init(runID: scratch.runID, filled: scratch.url("existing.csv"), force: true))
        #expect(outcome.answersWritten == 1)
        #expect(try String(contentsOf: scratch.url("existing.csv"), encoding: .utf8).contains("Yes. We keep an AI policy."))
        for request in [
            ExportSession.Request(runID: scratch.runID, answers: .init(format: .json, url: scratch.url("answers.csv"))),
            ExportSession.Request(runID: scratch.runID, evidencePack: scratch.url("pack.pdf")),
        ] {
            let error = await Self.refusal { _ = try await scratch.session().export(request) }
            #expect(error?.kind == .outputRefused, "\(request)")
        }
    }

    @Test func aMovedQuestionnaireCanBeNamedOnlyWithTheSameContent() async throws {
        let scratch = try await Scratch()
        try await scratch.approve("Q-1", at: "2026-11-24T09:00:00.000Z")
        let moved = scratch.url("moved.csv")
        try FileManager.default.moveItem(at: scratch.csv, to: moved)
        let missing = await Self.refusal { _ = try await scratch.session().export(.init(runID: scratch.runID, filled: scratch.url("a.csv"))) }
        #expect(missing?.kind == .questionnaireMissing)
        #expect(missing?.message.contains(scratch.csv.path) == true && missing?.message.contains("--questionnaire") == true)

        let impostor = scratch.url("impostor.csv")
        try Data(Scratch.text.replacingOccurrences(of: "bias", with: "drift").utf8).write(to: impostor)
        let changed = await Self.refusal {
            _ = try await scratch.session().export(.init(runID: scratch.runID, filled: scratch.url("b.csv"), questionnaire: impostor.path))
        }
        #expect(changed?.kind == .questionnaireChanged)
        #expect(changed?.message.contains("is not the file run \(scratch.runID) was drafted from") == true)
        #expect(!scratch.files.contains("b.csv"))

        let outcome = try await scratch.session().export(.init(runID: scratch.runID, filled: scratch.url("c.csv"), questionnaire: moved.path))
        #expect(outcome.run.path == moved.path && outcome.answersWritten == 1)
        #expect(try String(contentsOf: scratch.url("c.csv"), encoding: .utf8).contains("Yes. We keep an AI policy."))
    }

    @Test func eachExportIsRecordedWithHashesAndSaysWhatChangedSince() async throws {
        let scratch = try await Scratch()
        try await scratch.approve("Q-1", at: "2026-11-24T09:00:00.000Z")
        let first = try await scratch.session(at: "2026-11-24T10:00:00.000Z").export(
            .init(runID: scratch.runID, filled: scratch.url("one.csv"), answers: nil, evidencePack: scratch.url("one.md")))
        #expect(first.changes == nil)
        #expect(first.record.files.map(\.name) == ["one.csv", "one.md"])
        for file in first.record.files {
            #expect(file.sha256 == FileDigest.sha256Hex(try Data(contentsOf: scratch.url(file.name))))
        }
        #expect(try await scratch.store.exports(run: scratch.runID) == [first.record])
        #expect(first.record.exportedBy == "ana" && first.record.exportedAt == "2026-11-24T10:00:00.000Z")

        try await scratch.store.decide(
            run: scratch.runID, key: "Q-2", status: .edited, text: "Now edited.", reviewer: "bo",
            at: "2026-11-24T11:00:00.000Z")
        let second = try await scratch.session(at: "2026-11-24T12:00:00.000Z").export(
            .init(runID: scratch.runID, answers: .init(format: .json, url: scratch.url("two.json"))))
        let sheet = scratch.csv.deletingPathExtension().lastPathComponent
        #expect(second.changes == ExportChanges(since: "2026-11-24T10:00:00.000Z", approved: [], edited: ["\(sheet)!Q-2"], rejected: []))
        #expect(second.answersWritten == 2)
        let third = try await scratch.session(at: "2026-11-24T13:00:00.000Z").export(
            .init(runID: scratch.runID, answers: .init(format: .csv, url: scratch.url("three.csv"))))
        #expect(third.changes?.isEmpty == true && third.changes?.since == "2026-11-24T12:00:00.000Z")
        #expect(try await scratch.store.exports(run: scratch.runID).map(\.id) == [1, 2, 3])
    }
}
