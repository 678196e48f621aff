import Foundation
import RunStore
import Spreadsheet
import Testing
import TestSupport
import Workflow

/// The bulk workflow with the built binary: draft a folder, approve answers in two runs, move one
/// buyer file, `export --all`; answers-only CSV and JSON; the export record in the store.
@Suite(.serialized) struct BulkExportEndToEndTests {
    static let root = Fixtures.repositoryRoot()
    static let samples = ["acme-retail-ai-questions.csv", "globex-ai-vendor-assessment.xlsx"]

    final class Scratch {
        let scratch: ScratchFolder
        var folder: URL { scratch.url }
        var store: String { folder.appendingPathComponent("store.sqlite").path }

        init() throws {
            scratch = try ScratchFolder("BulkExportEndToEndTests")
            for sample in BulkExportEndToEndTests.samples {
                try scratch.copy(root.appendingPathComponent("Samples/questionnaires/\(sample)"), to: "in/\(sample)")
            }
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        func run(_ arguments: [String]) throws -> ResponderBinary.Outcome {
            try ResponderBinary.run(arguments + ["--db", store, "--kb", root.appendingPathComponent("Samples/org").path])
        }

        /// Drafts the `in` folder: run IDs by file name, and each file's drafted questions.
        func draftFolder() throws -> (ids: [String: String], questions: [String: [[String: Any]]]) {
            let outcome = try run(["draft", path("in"), "--out", path("out"), "--as-of", "2026-11-23"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            var ids: [String: String] = [:]
            for line in outcome.stderr.split(separator: "\n") where line.hasPrefix("run ") {
                let name = URL(fileURLWithPath: String(line.split(separator: " ").last ?? "")).lastPathComponent
                ids[name] = String(line.dropFirst(4).prefix(12))
            }
            var questions: [String: [[String: Any]]] = [:]
            for sample in BulkExportEndToEndTests.samples {
                let stem = URL(fileURLWithPath: sample).deletingPathExtension().lastPathComponent
                let json = try Data(contentsOf: folder.appendingPathComponent("out/\(stem).draft.json"))
                let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
                questions[sample] = try #require((document["files"] as? [[String: Any]])?.first?["questions"] as? [[String: Any]])
            }
            return (ids, questions)
        }
    }

    /// The standard SHA-256 of a file, from `sha256sum`, independent of the tool's own.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    /// The first `count` questions of `questions` with a drafted text, approved in `run`.
    static func approve(
        _ count: Int, of questions: [[String: Any]], run: String, in scratch: Scratch,
        skipping: Int = 0
    ) throws -> [[String: Any]] {
        let chosen = Array(questions.filter { !ReviewExportEndToEndTests.answer($0).text.isEmpty }.dropFirst(skipping).prefix(count))
        let outcome = try scratch.run(["review", "approve", run] + chosen.map(ReviewExportEndToEndTests.key) + ["--reviewer", "ana"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return chosen
    }

    @Test func exportAllWritesTheReviewedRunsAndSkipsAMovedBuyerFile() async throws {
        let scratch = try Scratch()
        let (ids, questions) = try scratch.draftFolder()
        let acme = try #require(ids["acme-retail-ai-questions.csv"])
        let globex = try #require(ids["globex-ai-vendor-assessment.xlsx"])
        let approved = try Self.approve(3, of: questions["acme-retail-ai-questions.csv"] ?? [], run: acme, in: scratch)
        _ = try Self.approve(2, of: questions["globex-ai-vendor-assessment.xlsx"] ?? [], run: globex, in: scratch)

        try FileManager.default.createDirectory(at: scratch.folder.appendingPathComponent("moved"), withIntermediateDirectories: true)
        let original = scratch.path("in/globex-ai-vendor-assessment.xlsx")
        try FileManager.default.moveItem(atPath: original, toPath: scratch.path("moved/globex-ai-vendor-assessment.xlsx"))

        let all = try scratch.run(["export", "--all", "--out-dir", scratch.path("outbox"), "--evidence-packs", "html"])
        #expect(all.status != 0, "a skipped run makes the status non-zero")
        #expect(all.stderr.contains("skipped run \(globex): \(original)"), "\(all.stderr)")
        #expect(all.stderr.contains("1 of 2 runs exported"), "\(all.stderr)")
        let outbox = try FileManager.default.contentsOfDirectory(atPath: scratch.path("outbox")).sorted()
        #expect(outbox == ["acme-retail-ai-questions.csv", "acme-retail-ai-questions.evidence.html"])
        let table = all.stdout.split(separator: "\n").map(String.init)
        #expect(table.first?.hasPrefix("run ") == true && table.first?.contains("answers written") == true)
        let acmeRow = try #require(table.first { $0.hasPrefix(acme) })
        let acmeColumns = acmeRow.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(
            acmeColumns[1] == "acme-retail-ai-questions.csv" && acmeColumns[2] == "3"
                && acmeColumns[3] == String((questions["acme-retail-ai-questions.csv"] ?? []).count - 3), "\(acmeRow)")
        #expect(acmeRow.contains(scratch.path("outbox/acme-retail-ai-questions.csv")))
        #expect(table.contains { $0.hasPrefix(globex) && $0.contains("skipped") })

        // The filled CSV carries exactly the approved answers.
        let filled = try SpreadsheetReader.read(path: scratch.path("outbox/acme-retail-ai-questions.csv")).workbook
        for question in approved {
            let row = try #require(filled.sheets.first?.row(question["row"] as? Int ?? 0))
            #expect(
                row.cells.contains {
                    $0.value.displayText == ReviewExportEndToEndTests.answer(question).text
                        || $0.value.displayText.hasSuffix(ReviewExportEndToEndTests.answer(question).text)
                })
        }

        // Answers-only files match the approved answers exactly, in the buyer's order.
        #expect(try scratch.run(["export", acme, "--answers", "json", "--out", scratch.path("answers.json")]).status == 0)
        let csvOutcome = try scratch.run(["export", acme, "--answers", "csv", "--out", scratch.path("answers.csv")])
        #expect(csvOutcome.status == 0, "\(csvOutcome.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("answers.json"))))
                as? [String: Any])
        let rows = try #require(document["answers"] as? [[String: Any]])
        let drafted = questions["acme-retail-ai-questions.csv"] ?? []
        #expect(rows.map { $0["row"] as? Int } == drafted.map { $0["row"] as? Int })
        let answered = rows.filter { ($0["status"] as? String) == "approved" }
        #expect(answered.map { $0["id"] as? String } == approved.map { $0["id"] as? String })
        for (row, question) in zip(answered, approved) {
            #expect(row["answer"] as? String == ReviewExportEndToEndTests.answer(question).text)
            #expect(row["choice"] as? String == ReviewExportEndToEndTests.answer(question).choice)
        }
        #expect(rows.filter { ($0["status"] as? String) != "approved" }.allSatisfy { ($0["answer"] as? String) == "" })
        let csv = try #require(SpreadsheetReader.read(path: scratch.path("answers.csv")).workbook.sheets.first)
        let csvRows = csv.rows.dropFirst().map { row in (1...9).map { row.cell(inColumn: $0)?.value.displayText ?? "" } }
        #expect(csvRows.count == drafted.count)
        for question in approved {
            let expected = ReviewExportEndToEndTests.answer(question).text
            let neutralised = ["=", "+", "-", "@"].contains(expected.first.map(String.init) ?? "") ? "'" + expected : expected
            #expect(csvRows.contains { $0[0] == question["id"] as? String && $0[5] == neutralised && $0[7] == "approved" })
        }

        // The store records each export with its files and their SHA-256.
        let store = try await RunStoreOpener.open(.sqlite(path: scratch.store))
        let exports = try await store.exports(run: acme)
        #expect(try await store.exports(run: globex).isEmpty, "a skipped run records nothing")
        try await store.close()
        #expect(
            exports.map { $0.files.map(\.name) } == [
                ["acme-retail-ai-questions.csv", "acme-retail-ai-questions.evidence.html"],
                ["answers.json"], ["answers.csv"],
            ])
        #expect(exports[0].files[0].sha256 == (try Self.sha256sum(scratch.path("outbox/acme-retail-ai-questions.csv"))))
        #expect(exports[0].files[1].sha256 == (try Self.sha256sum(scratch.path("outbox/acme-retail-ai-questions.evidence.html"))))
        #expect(exports[2].files[0].sha256 == (try Self.sha256sum(scratch.path("answers.csv"))))
        #expect(csvOutcome.stderr.contains("\(exports[2].files[0].sha256)  answers.csv"))

        // `runs` shows the last export; exporting again says what was decided since.
        let listing = try scratch.run(["runs", "--format", "json"])
        let listed = try #require((try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])
        #expect(listed.first { $0["id"] as? String == acme }?["lastExportedAt"] as? String == exports[2].exportedAt)
        #expect(listed.first { $0["id"] as? String == globex }?["lastExportedAt"] is NSNull)
        let more = try Self.approve(1, of: drafted, run: acme, in: scratch, skipping: 3)
        let second = try scratch.run(["export", acme, "--out", scratch.path("again.csv")])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(
            second.stderr.contains("since its last export at \(exports[2].exportedAt): newly approved \(ReviewExportEndToEndTests.key(more[0]))"),
            "\(second.stderr)")

        // The moved file, named where it is now, exports.
        let pointed = try scratch.run([
            "export", globex, "--out", scratch.path("globex-filled.xlsx"),
            "--questionnaire", scratch.path("moved/globex-ai-vendor-assessment.xlsx"),
        ])
        #expect(pointed.status == 0 && pointed.stderr.contains("2 reviewed answers"), "\(pointed.stderr)")
    }

    @Test func exportRefusesEmptyReviewsMismatchedNamesAndOverwrites() throws {
        let scratch = try Scratch()
        let (ids, questions) = try scratch.draftFolder()
        let acme = try #require(ids["acme-retail-ai-questions.csv"])
        let empty = try scratch.run(["export", acme, "--out", scratch.path("empty.csv")])
        #expect(empty.status != 0 && empty.stderr.contains("has no approved or edited answer"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("empty.csv")))
        #expect(try scratch.run(["export", acme, "--out", scratch.path("empty.csv"), "--allow-empty"]).status == 0)

        _ = try Self.approve(1, of: questions["acme-retail-ai-questions.csv"] ?? [], run: acme, in: scratch)
        let mislabelled = try scratch.run(["export", acme, "--out", scratch.path("filled.xlsx")])
        #expect(mislabelled.status != 0 && mislabelled.stderr.contains("give it a name ending .csv"), "\(mislabelled.stderr)")
        let kept = try scratch.run(["export", acme, "--out", scratch.path("empty.csv")])
        #expect(kept.status != 0 && kept.stderr.contains("exists and is kept"), "\(kept.stderr)")
        #expect(try scratch.run(["export", acme, "--out", scratch.path("empty.csv"), "--force"]).status == 0)
        let input = try scratch.run(["export", acme, "--out", scratch.path("in/acme-retail-ai-questions.csv"), "--force"])
        #expect(input.status != 0 && input.stderr.contains("the buyer's file is never overwritten"), "\(input.stderr)")
    }
}
