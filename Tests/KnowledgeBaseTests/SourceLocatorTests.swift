import Foundation
import Testing
@testable import KnowledgeBase

/// `kb check` locates every finding from one reading of each file, however large the library.
@Suite struct SourceLocatorTests {
    @Test func locatingEveryAnswerReadsTheFileOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 2_000
        var text = "formatVersion: 1\nanswers:\n"
        for number in 1...count { text += "  - id: LIB-\(number)\n    question: \"Q \(number)?\"\n    evidence_id: LIB-\(number)\n" }
        try text.write(to: folder.appendingPathComponent("library.yaml"), atomically: true, encoding: .utf8)
        var locator = SourceLocator(folder: folder.path)
        for number in 1...count {
            let location = locator.locate("LIB-\(number)", in: "library.yaml")
            #expect(location.line == 3 * number && location.column == 5)
        }
        #expect(locator.linesIndexed == 3 * count + 3)
    }

    @Test(arguments: [
        ("  - id: A.5.2", "id", "A.5.2", 5), ("    control: \"A.8.3\"", "control", "A.8.3", 5),
        ("id: 'X'  ", "id", "X", 1), ("    evidence_id: E-1", "evidence_id", "E-1", 5),
    ])
    func keyValueLines(line: String, key: String, value: String, column: Int) {
        let found = SourceLocator.keyValue(Substring(line))
        #expect(found?.key == key && found?.value == value && found?.column == column)
    }
}
