import Foundation
import Spreadsheet
import Testing
import TestSupport

/// What a new user meets first, run with the built binary: files with no questions, outputs that
/// would collide, overwrite or be read back, and approvals of nothing.
@Suite(.serialized) struct FirstUseEndToEndTests {
    static let root = Fixtures.repositoryRoot()
    static let sample = root.appendingPathComponent("Samples/questionnaires/acme-retail-ai-questions.csv")

    /// Runs `responder` with the sample knowledge base and a store inside `scratch` (and a fixed
    /// date for `draft`).
    static func run(_ arguments: [String], _ scratch: ScratchFolder) throws -> ResponderBinary.Outcome {
        let date = arguments.first == "draft" ? ["--as-of", "2026-11-23"] : []
        return try ResponderBinary.run(arguments + date + ["--kb", "Samples/org", "--db", scratch.path("store.sqlite")])
    }

    /// The run IDs the draft printed (`run ID: path`).
    static func runIDs(_ outcome: ResponderBinary.Outcome) -> [String] {
        outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("run ") }.map { String($0.dropFirst(4).prefix(12)) }
    }

    struct EmptyCase: Sendable, CustomTestStringConvertible {
        var name: String
        var content: String
        /// The `--columns` the hint should suggest, when the layout can be guessed.
        var suggested: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        EmptyCase(name: "empty.csv", content: "", suggested: nil),
        EmptyCase(name: "header-only.csv", content: "ID,Question,Answer\n", suggested: nil),
        EmptyCase(name: "no-questions.csv", content: "Product,Price\nWidget,10\nGadget,12\n", suggested: nil),
        EmptyCase(
            name: "headerless.csv",
            content: """
                Do you keep an inventory of AI systems?
                Describe how you test models for bias.
                Is customer data used to train models?

                """, suggested: "question=A,answer=B"),
    ])
    func aFileWithNoQuestionsIsAFailedFileWithAHint(_ test: EmptyCase) throws {
        let scratch = try ScratchFolder("FirstUse")
        let input = try scratch.write(test.content, to: test.name)
        let outcome = try Self.run(["draft", input, "--out", scratch.path("out")], scratch)
        #expect(outcome.status == 1, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("no questions found"))
        #expect(outcome.stderr.contains("responder inspect \(input)"))
        #expect(outcome.stderr.contains("--columns"))
        if let suggested = test.suggested { #expect(outcome.stderr.contains("--columns \(suggested)`"), "stderr: \(outcome.stderr)") }
        #expect(Self.runIDs(outcome).isEmpty)
        let runs = try Self.run(["runs", "--format", "json"], scratch)
        let listing = try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [String: Any]
        #expect((listing?["runs"] as? [Any])?.isEmpty == true, "runs: \(runs.stdout)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))

        if let suggested = test.suggested {
            let fixed = try Self.run(["draft", input, "--out", scratch.path("fixed"), "--columns", suggested], scratch)
            #expect(fixed.status == 0, "stderr: \(fixed.stderr)")
            #expect(Self.runIDs(fixed).count == 1)
        }
    }

    /// A workbook with a price list and a cover sheet: nothing a vendor answers.
    @Test func aWorkbookWithNoQuestionsIsAFailedFileWithAHint() throws {
        let scratch = try ScratchFolder("FirstUse")
        let input = scratch.path("price-list.xlsx")
        try XLSXWorkbookWriter.write(
            [
                XLSXSheetSpec(
                    name: "Cover", rows: [[.text("Supplier price list 2026")], [.text("Prices in EUR, excluding VAT.")]],
                    hasHeaderRow: false),
                XLSXSheetSpec(
                    name: "Prices",
                    rows: [
                        [.text("Product"), .text("Price")], [.text("Widget"), .text("10")],
                        [.text("Gadget"), .text("12")],
                    ]),
            ], to: URL(fileURLWithPath: input))
        let outcome = try Self.run(["draft", input, "--out", scratch.path("out")], scratch)
        #expect(outcome.status == 1, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("no questions found"), "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("responder inspect \(input)") && outcome.stderr.contains("--columns"))
        #expect(Self.runIDs(outcome).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }

    @Test func inputsSharingAFileNameWriteSeparateOutputs() throws {
        let scratch = try ScratchFolder("FirstUse")
        let first = try scratch.copy(Self.sample, to: "buyerA/questionnaire.csv")
        let second = try scratch.write(
            try String(contentsOf: Self.sample, encoding: .utf8)
                .replacingOccurrences(of: "Do you", with: "Does your company"), to: "buyerB/questionnaire.csv")
        let outcome = try Self.run(["draft", first, second, "--out", scratch.path("out"), "--format", "json"], scratch)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out")).sorted()
        #expect(written == ["buyerA-questionnaire.draft.json", "buyerB-questionnaire.draft.json"])
        let a = try String(contentsOfFile: scratch.path("out/buyerA-questionnaire.draft.json"), encoding: .utf8)
        let b = try String(contentsOfFile: scratch.path("out/buyerB-questionnaire.draft.json"), encoding: .utf8)
        #expect(a.contains("buyerA/questionnaire.csv") && b.contains("buyerB/questionnaire.csv"))
    }

    @Test func outputsInsideTheInputFolderAreNotReadBack() throws {
        let scratch = try ScratchFolder("FirstUse")
        try scratch.copy(Self.sample, to: "buyer/acme.csv")
        let first = try Self.run(["draft", scratch.path("buyer"), "--out", scratch.path("buyer")], scratch)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path("buyer/acme.draft.csv")))
        let export = try Self.run(["review", "export", Self.runIDs(first)[0], "--out", scratch.path("buyer/review.xlsx")], scratch)
        #expect(export.status == 0, "stderr: \(export.stderr)")

        let second = try Self.run(["draft", scratch.path("buyer"), "--out", scratch.path("buyer"), "--force"], scratch)
        #expect(!second.stderr.contains("acme.draft.csv"), "stderr: \(second.stderr)")
        #expect(second.stderr.contains("review.xlsx") && second.stderr.contains("a review workbook"))
        #expect(Self.runIDs(second).count == 1)
    }

    @Test func existingOutputsAreKeptUnlessForced() throws {
        let scratch = try ScratchFolder("FirstUse")
        let input = try scratch.copy(Self.sample, to: "acme.csv")
        let first = try Self.run(["draft", input, "--out", scratch.path("out")], scratch)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: scratch.path("out/acme.review.md")))
        let again = try Self.run(["draft", input, "--out", scratch.path("out")], scratch)
        #expect(again.status == 64)
        #expect(again.stderr.contains("out/acme.review.md exists and is kept; add --force"))
        #expect(!again.stderr.contains("Usage:"))
        #expect(try String(contentsOfFile: scratch.path("out/acme.review.md"), encoding: .utf8) == "my notes")
        let forced = try Self.run(["draft", input, "--out", scratch.path("out"), "--force"], scratch)
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
        #expect(try String(contentsOfFile: scratch.path("out/acme.review.md"), encoding: .utf8) != "my notes")

        let asInput = try Self.run(["draft", input, "--output", input], scratch)
        #expect(asInput.status == 64)
        #expect(asInput.stderr.contains("\(input): the output would hold JSON"))
    }

    @Test func aReviewWorkbookEndsXlsxAndIsNotOverwritten() throws {
        let scratch = try ScratchFolder("FirstUse")
        let input = try scratch.copy(Self.sample, to: "acme.csv")
        let id = try #require(Self.runIDs(try Self.run(["draft", input, "--out", scratch.path("out")], scratch)).first)
        let misnamed = try Self.run(["review", "export", id, "--out", scratch.path("review.csv")], scratch)
        #expect(misnamed.status == 64)
        #expect(misnamed.stderr.contains("review.csv: the output would hold an XLSX workbook; give it a name ending .xlsx"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("review.csv")))
        let onInput = try Self.run(["review", "export", id, "--out", input, "--force"], scratch)
        #expect(onInput.status == 64)

        try Data("filled in by a reviewer".utf8).write(to: URL(fileURLWithPath: scratch.path("review.xlsx")))
        let kept = try Self.run(["review", "export", id, "--out", scratch.path("review.xlsx")], scratch)
        #expect(kept.status == 64)
        #expect(kept.stderr.contains("exists and is kept"))
        #expect(try String(contentsOfFile: scratch.path("review.xlsx"), encoding: .utf8) == "filled in by a reviewer")
        let forced = try Self.run(["review", "export", id, "--out", scratch.path("review.xlsx"), "--force"], scratch)
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
    }

    @Test func approvingAQuestionWithNoDraftNeedsAnEdit() throws {
        let scratch = try ScratchFolder("FirstUse")
        let input = try scratch.write("ID,Question,Answer\nX-1,How many parking spaces does your car park have?,\n", to: "office.csv")
        let draft = try Self.run(["draft", input, "--out", scratch.path("out")], scratch)
        let id = try #require(Self.runIDs(draft).first, "stderr: \(draft.stderr)")
        let approve = try Self.run(["review", "approve", id, "X-1", "--reviewer", "ana"], scratch)
        #expect(approve.status == 1)
        #expect(approve.stderr.contains("X-1: there is no drafted answer to approve"))

        let review = scratch.path("review.xlsx")
        #expect(try Self.run(["review", "export", id, "--out", review], scratch).status == 0)
        let part = try #require(try SpreadsheetReader.read(path: review).workbook.sheet(named: "Review")).partPath
        try XLSXCellPatcher.patch(
            URL(fileURLWithPath: review), edits: [XLSXCellEdit(part: part, cell: CellAddress("J2")!, text: "Approve")],
            output: URL(fileURLWithPath: scratch.path("review-filled.xlsx")))
        let imported = try Self.run(["review", "import", scratch.path("review-filled.xlsx"), "--reviewer", "ana"], scratch)
        #expect(imported.status == 1)
        #expect(
            imported.stderr.contains("review-filled.xlsx[Review]!J2: error:") && imported.stderr.contains("no drafted answer to approve"),
            "stderr: \(imported.stderr)")
        let audit = try Self.run(["audit", id, "--format", "json"], scratch)
        #expect(!audit.stdout.contains("approved"), "audit: \(audit.stdout)")
        let edit = try Self.run(["review", "edit", id, "X-1", "--text", "1 Example Street", "--reviewer", "ana"], scratch)
        #expect(edit.status == 0, "stderr: \(edit.stderr)")
    }
}
