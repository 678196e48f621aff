import Foundation
import ResponderModel
import Testing
import TestSupport
@testable import KnowledgeBase

/// The library is written back as `library.yaml` (learned answers: `RunStoreTests`).
@Suite struct LearnedLibraryTests {
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("LearnedLibraryTests-\(UUID().uuidString)")

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    @Test func writtenLibraryLoadsBackUnchanged() throws {
        let scratch = try Scratch()
        let root = Fixtures.repositoryRoot()
        let kb = scratch.url.appendingPathComponent("org")
        try FileManager.default.createDirectory(at: scratch.url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Samples/org"), to: kb)
        let original = KnowledgeBaseLoader.load(mappings: root.appendingPathComponent("Mappings").path, organisation: kb.path)
        let tricky = LibraryAnswer(
            id: "LIB-R-x", question: "Quotes \"here\", a colon: and # hash?\nSecond line\t\u{7}",
            choice: "No", answer: "Yes: it's ‘fine’ \\ really\r\n- not a list", topic: "null",
            controls: ["A.2.2", "6.1.2"], evidence: ["EV-001"], systems: [], assessments: ["~"],
            approvedBy: "Zoë O'Neil", approvedDate: "2026-11-23", source: "@buyer.xlsx",
            alternateQuestions: ["Alternate: \"quoted\" # not a comment?", "- looks like a list item"])
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
