import Foundation
import ResponderModel
import Testing
import TestSupport
@testable import KnowledgeBase

/// Reviewed answers become library answers, and the library is written back as `library.yaml`.
@Suite struct LearnedLibraryTests {
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("LearnedLibraryTests-\(UUID().uuidString)")
        let store: KnowledgeBaseStore

        init() throws {
            store = try KnowledgeBaseStore(path: url.appendingPathComponent("kb.sqlite").path)
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static func drafted(_ id: String, row: Int, text: String, citations: [Citation]) -> DraftedQuestion {
        let cells = [AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No"]), AnswerCell(column: "D", kind: .text)]
        return DraftedQuestion(question: Question(id: id, sheet: "AI", row: row, text: text, answerCells: cells), intent: .yesno,
                               matches: [], answer: DraftAnswer(choice: "Yes", text: "Draft \(id).", citations: citations,
                                                                confidence: .high, score: 0.9, flags: []))
    }

    static let questions = [
        drafted("Q-1", row: 2, text: "Do you have an AI policy?",
                citations: [Citation(kind: .control, id: "A.2.2"), Citation(kind: .evidence, id: "EV-001"),
                            Citation(kind: .system, id: "AIS-001")]),
        drafted("Q-2", row: 3, text: "Is customer data used for training?", citations: [Citation(kind: .clause, id: "6.1.2")]),
        drafted("Q-3", row: 4, text: "Do you sell data?", citations: []),
        drafted("Q-4", row: 5, text: "Undecided question?", citations: []),
    ]

    @Test func approvedAndEditedDecisionsBecomeLibraryAnswers() throws {
        let scratch = try Scratch()
        let run = try scratch.store.recordRun(path: "/in/buyer one.xlsx", contentHash: "h", kbVersion: "kb", asOf: "2026-11-01",
                                              createdAt: "2026-11-01T00:00:00Z", questions: Self.questions)
        #expect(try scratch.store.questions(run: run)[0].citations == ["control:A.2.2", "evidence:EV-001", "system:AIS-001"])
        try scratch.store.decide(run: run, key: "Q-1", status: .approved, reviewer: "Ana", at: "2026-11-02T10:00:00Z")
        try scratch.store.decide(run: run, key: "Q-2", status: .edited, choice: "No", text: "Never.", reviewer: "Ben",
                                 at: "2026-11-03T10:00:00Z")
        try scratch.store.decide(run: run, key: "Q-3", status: .rejected, reviewer: "Ana", at: "2026-11-03T10:00:00Z")

        let learned = try scratch.store.approvedAnswers()
        #expect(learned.count == 2)
        let policy = try #require(learned.first { $0.question == "Do you have an AI policy?" })
        #expect(policy.id.hasPrefix("LIB-R-\(run)-"))
        #expect(policy.choice == "Yes" && policy.answer == "Draft Q-1.")
        #expect(policy.controls == ["A.2.2"] && policy.evidence == ["EV-001"] && policy.systems == ["AIS-001"])
        #expect(policy.approvedBy == "Ana" && policy.approvedDate == "2026-11-02" && policy.source == "buyer one.xlsx")
        let training = try #require(learned.first { $0.question == "Is customer data used for training?" })
        #expect(training.choice == "No" && training.answer == "Never." && training.controls == ["6.1.2"])
        #expect(training.approvedBy == "Ben" && training.topic == KnowledgeBaseStore.learnedTopic)
        #expect(try scratch.store.approvedAnswers() == learned, "deterministic")

        // A later run deciding the same question differently replaces the earlier answer.
        let later = try scratch.store.recordRun(path: "/in/buyer two.xlsx", contentHash: "h2", kbVersion: "kb", asOf: "2026-11-05",
                                                createdAt: "2026-11-05T00:00:00Z", questions: Self.questions)
        try scratch.store.decide(run: later, key: "Q-2", status: .edited, text: "Only with consent.", reviewer: "Cy",
                                 at: "2026-11-06T10:00:00Z")
        let updated = try scratch.store.approvedAnswers().filter { $0.question == "Is customer data used for training?" }
        #expect(updated.map(\.answer) == ["Only with consent."])
        #expect(updated.first?.source == "buyer two.xlsx")
    }

    @Test func yamlLibraryWinsOnIDOrQuestion() {
        func answer(_ id: String, _ question: String) -> LibraryAnswer {
            LibraryAnswer(id: id, question: question, choice: nil, answer: "a", topic: "t", controls: [], evidence: [], systems: [],
                          assessments: [], approvedBy: "x", approvedDate: "2026-01-01", source: "s")
        }
        let yaml = [answer("LIB-001", "Do you have an AI policy?")]
        let learned = [answer("LIB-001", "Other?"), answer("LIB-R-1", "do you  have an AI POLICY?"), answer("LIB-R-2", "New?")]
        #expect(KnowledgeBaseStore.merging(learned, into: yaml).map(\.id) == ["LIB-001", "LIB-R-2"])
    }

    @Test func writtenLibraryLoadsBackUnchanged() throws {
        let scratch = try Scratch()
        let root = Fixtures.repositoryRoot()
        let kb = scratch.url.appendingPathComponent("org")
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Samples/org"), to: kb)
        let original = KnowledgeBaseLoader.load(mappings: root.appendingPathComponent("Mappings").path, organisation: kb.path)
        let tricky = LibraryAnswer(id: "LIB-R-x", question: "Quotes \"here\", a colon: and # hash?\nSecond line\t\u{7}",
                                   choice: "No", answer: "Yes: it's ‘fine’ \\ really\r\n- not a list", topic: "null",
                                   controls: ["A.2.2", "6.1.2"], evidence: ["EV-001"], systems: [], assessments: ["~"],
                                   approvedBy: "Zoë O'Neil", approvedDate: "2026-11-23", source: "@buyer.xlsx")
        let library = original.content.library + [tricky]
        let yaml = LibraryYAMLWriter.render(library)
        try Data(yaml.utf8).write(to: kb.appendingPathComponent("library.yaml"))
        let loaded = KnowledgeBaseLoader.load(mappings: root.appendingPathComponent("Mappings").path, organisation: kb.path)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.content.library == library)
        #expect(LibraryYAMLWriter.render(loaded.content.library) == yaml)
        #expect(LibraryYAMLWriter.render([]) == "formatVersion: 1\nanswers: []\n")
    }
}
