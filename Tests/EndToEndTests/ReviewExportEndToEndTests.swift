import Foundation
import Spreadsheet
import Testing
import TestSupport
import ZIPFoundation

/// Drafts a copy of a sample questionnaire into a scratch store with the built binary, reviews
/// some answers and exports them into the buyer's own file.
@Suite(.serialized) struct ReviewExportEndToEndTests {
    static let root = Fixtures.repositoryRoot()

    /// A scratch folder holding a copy of one sample questionnaire, its outputs and a store.
    final class Scratch {
        let folder: URL
        let input: URL
        var store: String { folder.appendingPathComponent("store.sqlite").path }

        convenience init(sample: String) throws {
            try self.init(copying: root.appendingPathComponent("Samples/questionnaires/\(sample)"))
        }

        /// A scratch folder holding a copy of any questionnaire file.
        init(copying source: URL) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("responder-review-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            input = folder.appendingPathComponent(source.lastPathComponent)
            try FileManager.default.copyItem(at: source, to: input)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func run(_ arguments: [String]) throws -> ResponderBinary.Outcome {
            try ResponderBinary.run(arguments + ["--db", store])
        }

        /// Drafts the copy; returns the run ID printed on stderr and the drafted questions. A later
        /// draft of the same copy replaces the earlier one's outputs (`--force`).
        func draft() throws -> (id: String, questions: [[String: Any]]) {
            let outcome = try run([
                "draft", input.path, "--kb", "Samples/org", "--out", folder.appendingPathComponent("out").path,
                "--as-of", "2026-11-23", "--force",
            ])
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            let line = try #require(outcome.stderr.split(separator: "\n").first { $0.hasPrefix("run ") })
            let id = String(line.dropFirst(4).prefix(12))
            let stem = input.deletingPathExtension().lastPathComponent
            let json = try Data(contentsOf: folder.appendingPathComponent("out/\(stem).draft.json"))
            let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let files = try #require(document["files"] as? [[String: Any]])
            return (id, try #require(files.first?["questions"] as? [[String: Any]]))
        }
    }

    static func key(_ question: [String: Any]) -> String {
        let id = question["id"] as? String ?? ""
        return "\(question["sheet"] as? String ?? "")!\(id.isEmpty ? String(question["row"] as? Int ?? 0) : id)"
    }

    static func answer(_ question: [String: Any]) -> (choice: String?, text: String) {
        let answer = question["answer"] as? [String: Any] ?? [:]
        return (answer["choice"] as? String, answer["text"] as? String ?? "")
    }

    static func cell(_ workbook: Workbook, _ sheet: String, _ reference: String) -> String {
        workbook.sheet(named: sheet)?.cell(at: CellAddress(reference)!)?.value.displayText ?? ""
    }

    @Test func draftRecordsARunThatRunsLists() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, _) = try scratch.draft()
        let again = try scratch.draft()
        #expect(again.id == id, "re-drafting the same inputs keeps the run ID")
        let listing = try scratch.run(["runs", "--format", "json"])
        #expect(listing.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])
        let runs = try #require(document["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        #expect(runs.first?["id"] as? String == id)
        #expect((runs.first?["path"] as? String)?.hasSuffix("globex-ai-vendor-assessment.xlsx") == true)
        #expect(runs.first?["kbVersion"] is String)
        #expect(runs.first?["createdAt"] is String)
    }

    @Test func reviewedAnswersAreExportedIntoTheBuyersWorkbook() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, questions) = try scratch.draft()
        let (first, second, edited, untouched) = (questions[0], questions[1], questions[2], questions[5])
        let sheet = try #require(first["sheet"] as? String)

        let approve = try scratch.run(["review", "approve", id, Self.key(first), Self.key(second), "--reviewer", "ana"])
        #expect(approve.status == 0, "stderr: \(approve.stderr)")
        let edit = try scratch.run([
            "review", "edit", id, Self.key(edited), "--choice", "No", "--text", "=Edited by ana.",
            "--reviewer", "ana",
        ])
        #expect(edit.status == 0, "stderr: \(edit.stderr)")

        let refused = try scratch.run(["review", "edit", id, Self.key(untouched), "--choice", "Maybe", "--reviewer", "ana"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not allowed by the dropdown"))
        let unknownKey = try scratch.run(["review", "approve", id, "Nowhere!999", "--reviewer", "ana"])
        #expect(unknownKey.status == 1)
        #expect(unknownKey.stderr.contains("no question 'Nowhere!999'"))
        let unknownRun = try scratch.run(["review", "approve", "000000000000", Self.key(first), "--reviewer", "ana"])
        #expect(unknownRun.status == 1)
        #expect(unknownRun.stderr.contains("no run '000000000000'"))

        let originalBytes = try Data(contentsOf: scratch.input)
        let filled = scratch.folder.appendingPathComponent("filled.xlsx")
        let export = try scratch.run(["export", id, "--out", filled.path])
        #expect(export.status == 0, "stderr: \(export.stderr)")
        #expect(export.stderr.contains("undecided, left empty: \(Self.key(untouched))"))
        #expect(try Data(contentsOf: scratch.input) == originalBytes, "the input is never modified")

        let original = try SpreadsheetReader.read(path: scratch.input.path).workbook
        let written = try SpreadsheetReader.read(path: filled.path).workbook
        for question in [first, second] {
            let row = try #require(question["row"] as? Int)
            #expect(Self.cell(written, sheet, "C\(row)") == (Self.answer(question).choice ?? ""))
            #expect(Self.cell(written, sheet, "D\(row)") == Self.answer(question).text)
        }
        let editedRow = try #require(edited["row"] as? Int)
        #expect(Self.cell(written, sheet, "C\(editedRow)") == "No")
        #expect(Self.cell(written, sheet, "D\(editedRow)") == "=Edited by ana.", "written as text, never a formula")
        #expect(written.sheet(named: sheet)?.cell(at: CellAddress("D\(editedRow)")!)?.formula == nil)
        let untouchedRow = try #require(untouched["row"] as? Int)
        #expect(Self.cell(written, sheet, "C\(untouchedRow)") == Self.cell(original, sheet, "C\(untouchedRow)"))
        #expect(Self.cell(written, sheet, "D\(untouchedRow)") == Self.cell(original, sheet, "D\(untouchedRow)"))
        for name in original.sheets.map(\.name) {
            #expect(written.sheet(named: name)?.validations == original.sheet(named: name)?.validations)
        }
        #expect(original.sheet(named: sheet)?.validations.isEmpty == false, "the sample has dropdowns to keep")

        let changedPart = try #require(original.sheet(named: sheet)?.partPath)
        let before = try Self.entries(scratch.input)
        let after = try Self.entries(filled)
        #expect(Set(before.keys) == Set(after.keys))
        for (path, bytes) in before where path != changedPart {
            #expect(after[path] == bytes, "\(path) changed")
        }
        #expect(after[changedPart] != before[changedPart])
    }

    @Test func includeDraftsMarksUndecidedDrafts() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, questions) = try scratch.draft()
        let rejected = questions[0]
        let reject = try scratch.run(["review", "reject", id, Self.key(rejected), "--reviewer", "ana"])
        #expect(reject.status == 0, "stderr: \(reject.stderr)")
        let filled = scratch.folder.appendingPathComponent("drafts.xlsx")
        let export = try scratch.run(["export", id, "--out", filled.path, "--include-drafts"])
        #expect(export.status == 0, "stderr: \(export.stderr)")
        #expect(export.stderr.contains("rejected, left empty: \(Self.key(rejected))"))
        let written = try SpreadsheetReader.read(path: filled.path).workbook
        let sheet = try #require(rejected["sheet"] as? String)
        #expect(Self.cell(written, sheet, "D\(try #require(rejected["row"] as? Int))") == "")
        let undecided = questions[1]
        #expect(Self.cell(written, sheet, "D\(try #require(undecided["row"] as? Int))") == "[DRAFT] " + Self.answer(undecided).text)
    }

    @Test func exportRefusesAChangedInput() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, _) = try scratch.draft()
        let handle = try FileHandle(forWritingTo: scratch.input)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        let filled = scratch.folder.appendingPathComponent("filled.xlsx")
        let export = try scratch.run(["export", id, "--out", filled.path])
        #expect(export.status == 65)
        #expect(export.stderr.contains("changed since run \(id) was drafted"))
        #expect(!FileManager.default.fileExists(atPath: filled.path))
    }

    @Test func csvRunIsWrittenBackWithTheSameRowsAndColumns() throws {
        let scratch = try Scratch(sample: "acme-retail-ai-questions.csv")
        let (id, questions) = try scratch.draft()
        let approved = questions[0]
        #expect(try scratch.run(["review", "approve", id, Self.key(approved), "--reviewer", "ana"]).status == 0)
        let edited = questions[1]
        #expect(
            try scratch.run([
                "review", "edit", id, Self.key(edited), "--text=-1 feature; @ops can turn it off",
                "--reviewer", "ana",
            ]).status == 0)
        let filled = scratch.folder.appendingPathComponent("filled.csv")
        let export = try scratch.run(["export", id, "--out", filled.path])
        #expect(export.status == 0, "stderr: \(export.stderr)")

        let original = try SpreadsheetReader.read(path: scratch.input.path).workbook.sheets[0]
        let written = try CSVReader.read(data: Data(contentsOf: filled), path: scratch.input.path).sheets[0]
        #expect(written.rows.map(\.number) == original.rows.map(\.number))
        for column in ["A", "B"] {
            for row in original.rows {
                let address = CellAddress("\(column)\(row.number)")!
                #expect(written.displayedValue(at: address) == original.displayedValue(at: address))
            }
        }
        // The Answer column has no dropdown (a CSV cannot have one): it takes the choice and the
        // narrative together; the buyer's Notes column stays as it was.
        let approvedRow = try #require(approved["row"] as? Int)
        let (choice, text) = Self.answer(approved)
        let expected = choice.map { text.hasPrefix($0) ? text : "\($0). \(text)" } ?? text
        #expect(written.displayedValue(at: CellAddress("C\(approvedRow)")!).displayText == expected)
        let editedRow = try #require(edited["row"] as? Int)
        let editedText = written.displayedValue(at: CellAddress("C\(editedRow)")!).displayText
        #expect(editedText.hasSuffix("-1 feature; @ops can turn it off"))
        #expect(!editedText.hasPrefix("-") && !editedText.hasPrefix("=") && !editedText.hasPrefix("@"))
        for row in original.rows {
            let address = CellAddress("D\(row.number)")!
            #expect(written.displayedValue(at: address) == original.displayedValue(at: address))
        }
    }

    /// Every file entry's uncompressed bytes by path.
    static func entries(_ url: URL) throws -> [String: Data] {
        let archive = try Archive(url: url, accessMode: .read)
        var result: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            result[entry.path] = data
        }
        return result
    }
}
