import Foundation
import Testing
import TestSupport

/// Issue 16's store items and issue 15's carried-forward decisions, through the built binary.
@Suite(.serialized) struct StoreHardeningEndToEndTests {
    typealias Scratch = ReviewExportEndToEndTests.Scratch

    static func runIDs(_ scratch: Scratch) throws -> [String] {
        let listing = try scratch.run(["runs", "--format", "json"])
        #expect(listing.status == 0, "stderr: \(listing.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any]
        return (document?["runs"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    static func runID(_ outcome: ResponderBinary.Outcome) -> String? {
        outcome.stderr.split(separator: "\n").first { $0.hasPrefix("run ") }.map { String($0.dropFirst(4).prefix(12)) }
    }

    static func questions(_ json: URL) throws -> [String: [String: Any]] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let files = document?["files"] as? [[String: Any]] ?? []
        let questions = files.first?["questions"] as? [[String: Any]] ?? []
        return Dictionary(questions.map { (ReviewExportEndToEndTests.key($0), $0) }) { first, _ in first }
    }

    /// Issue 15, item 4: re-drafting a reviewed questionnaire keeps approved and edited answers of
    /// unchanged questions and flags a draft rejected before.
    @Test func aRedraftCarriesDecisionsForwardAndFlagsWhatWasRejected() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (first, questions) = try scratch.draft()
        // A day later the same file is a new run (the as-of date is part of its ID); drafted once
        // before anyone decides, to pick questions whose drafts do not depend on the date.
        func redraft(_ folder: String) throws -> (id: String?, stderr: String, questions: [String: [String: Any]]) {
            let out = scratch.folder.appendingPathComponent(folder)
            let outcome = try scratch.run(["draft", scratch.input.path, "--kb", "Samples/org", "--out", out.path, "--as-of", "2026-11-24"])
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            return (
                Self.runID(outcome), outcome.stderr,
                try Self.questions(out.appendingPathComponent("globex-ai-vendor-assessment.draft.json"))
            )
        }
        let later = try redraft("out2")
        let drafted = questions.filter {
            let answer = ReviewExportEndToEndTests.answer($0)
            let columns = ReviewWorkbookEndToEndTests.columns($0)
            let same = later.questions[ReviewExportEndToEndTests.key($0)].map(ReviewExportEndToEndTests.answer)
            return !answer.text.isEmpty && columns.text != nil && same?.choice == answer.choice && same?.text == answer.text
                && answer.choice.map { columns.allowed?.contains($0) ?? true } ?? true
                && ($0["answer"] as? [String: Any])?["confidence"] as? String == "high"
        }.map(ReviewExportEndToEndTests.key)
        #expect(drafted.count >= 3)
        let (approved, edited, rejected) = (drafted[0], drafted[1], drafted[2])
        for arguments in [["approve", first, approved], ["edit", first, edited, "--text", "Our own words."], ["reject", first, rejected]] {
            let outcome = try scratch.run(["review"] + arguments + ["--reviewer", "ana"])
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        }

        let again = try redraft("out3")
        let second = try #require(again.id)
        #expect(second != first && second == later.id)
        #expect(again.stderr.contains("2 decisions carried forward"), "\(again.stderr)")

        let audit = try scratch.run(["audit", second, "--format", "json"])
        #expect(audit.status == 0, "stderr: \(audit.stderr)")
        let entries = (try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])?["entries"] as? [[String: Any]]
        #expect(Set(entries?.compactMap { $0["key"] as? String } ?? []) == [approved, edited])
        #expect(entries?.allSatisfy { ($0["notes"] as? String)?.contains("carried forward from run \(first)") == true } == true)
        #expect(entries?.allSatisfy { $0["reviewer"] as? String == "ana" } == true)

        let redrafted = again.questions
        let answer = try #require(redrafted[rejected]?["answer"] as? [String: Any])
        #expect((answer["flags"] as? [String])?.contains("previously_rejected") == true)
        #expect(answer["confidence"] as? String == "medium", "a draft rejected before is never high confidence")
        #expect(
            redrafted.values.filter { (($0["answer"] as? [String: Any])?["flags"] as? [String])?.contains("previously_rejected") == true }
                .count == 1)

        // The filled-in file of the new run has the carried answers without anyone deciding again.
        let filled = scratch.folder.appendingPathComponent("filled.xlsx")
        let export = try scratch.run(["export", second, "--out", filled.path])
        #expect(export.status == 0, "stderr: \(export.stderr)")
        #expect(export.stderr.contains("2 reviewed answers"), "\(export.stderr)")
    }

    /// Issue 16, item 2: `--system` is part of the run's identity.
    @Test func aScopedRedraftIsARunOfItsOwn() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (plain, _) = try scratch.draft()
        let scoped = try scratch.run([
            "draft", scratch.input.path, "--kb", "Samples/org", "--out", scratch.folder.appendingPathComponent("s").path,
            "--as-of", "2026-11-23", "--system", "AIS-001",
        ])
        #expect(scoped.status == 0, "stderr: \(scoped.stderr)")
        let id = try #require(Self.runID(scoped))
        #expect(id != plain)
        #expect(Set(try Self.runIDs(scratch)) == [plain, id])
    }

    /// Issue 16, item 16: no run without its outputs, and errors name the output.
    @Test func aRunIsRecordedOnlyAfterItsOutputsAreWritten() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let notAFolder = scratch.folder.appendingPathComponent("out-file")
        try Data("x".utf8).write(to: notAFolder)
        let blocked = try scratch.run(["draft", scratch.input.path, "--kb", "Samples/org", "--out", notAFolder.path, "--as-of", "2026-11-23"])
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("cannot create the output folder \(notAFolder.path)"), "\(blocked.stderr)")
        #expect(try Self.runIDs(scratch).isEmpty)

        // An output whose name is taken by a folder: refused before drafting (OutputPolicy), naming
        // that output, never a temporary file.
        let out = scratch.folder.appendingPathComponent("out")
        let taken = out.appendingPathComponent("globex-ai-vendor-assessment.draft.csv")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        let failed = try scratch.run(["draft", scratch.input.path, "--kb", "Samples/org", "--out", out.path, "--as-of", "2026-11-23"])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("\(taken.path) is a folder"), "\(failed.stderr)")
        #expect(!failed.stderr.contains(".tmp-"), "\(failed.stderr)")
        #expect(try Self.runIDs(scratch).isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// Issue 16, item 7: a damaged store is refused by every command that opens it; `store check` checks in full.
    @Test func aDamagedStoreIsRefusedByEveryCommand() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, questions) = try scratch.draft()
        let check = try scratch.run(["store", "check", "--kb", "Samples/org"])
        #expect(check.status == 0, "stderr: \(check.stderr)")
        #expect(check.stdout.contains("integrity_check") && check.stdout.hasSuffix("ok\n"), "\(check.stdout)")

        // Closing moved every page into the file; without its WAL the file alone is the store.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch.store + suffix) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.store))
        try handle.seek(toOffset: 3 * 4096)
        try handle.write(contentsOf: Data(repeating: 0x5A, count: 4096))
        try handle.close()
        let key = ReviewExportEndToEndTests.key(questions[0])
        for arguments in [
            ["runs"], ["review", "approve", id, key, "--reviewer", "ana"], ["store", "check", "--kb", "Samples/org"],
            ["draft", scratch.input.path, "--kb", "Samples/org", "--out", scratch.folder.appendingPathComponent("o").path],
        ] {
            let outcome = try scratch.run(arguments)
            #expect(outcome.status != 0, "\(arguments[0]) used a damaged store")
            #expect(outcome.stderr.contains("the store \(scratch.store) is damaged"), "\(arguments[0]): \(outcome.stderr)")
        }
    }
}
