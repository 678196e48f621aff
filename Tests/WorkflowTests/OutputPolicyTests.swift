import Foundation
import Testing
import TestSupport
import Workflow

/// The output rule: names match what is written, existing files are kept unless forced, inputs are never outputs.
@Suite struct OutputPolicyTests {
    struct ExtensionCase: Sendable, CustomTestStringConvertible {
        var name: String
        var format: OutputPolicy.Format
        var accepted: Bool
        var testDescription: String { "\(name) as \(format.rawValue)" }
    }

    @Test(arguments: [
        ExtensionCase(name: "filled.xlsx", format: .xlsx, accepted: true),
        ExtensionCase(name: "FILLED.XLSX", format: .xlsx, accepted: true),
        ExtensionCase(name: "filled.csv", format: .xlsx, accepted: false),
        ExtensionCase(name: "filled.xlsx", format: .csv, accepted: false),
        ExtensionCase(name: "filled.tsv", format: .csv, accepted: true),
        ExtensionCase(name: "review.csv", format: .xlsx, accepted: false),
        ExtensionCase(name: "review", format: .xlsx, accepted: false),
        ExtensionCase(name: "pack.htm", format: .html, accepted: true),
        ExtensionCase(name: "pack.md", format: .html, accepted: false),
        ExtensionCase(name: "q.draft.json", format: .json, accepted: true),
    ])
    func extensionMustNameWhatIsWritten(_ test: ExtensionCase) throws {
        let scratch = try ScratchFolder("OutputPolicyTests")
        let path = scratch.path(test.name)
        if test.accepted {
            #expect(throws: Never.self) { try OutputPolicy().check(path, writes: test.format) }
        } else {
            #expect(throws: OutputPolicyError(path: path, reason: .wrongExtension(expected: test.format, source: nil))) {
                try OutputPolicy().check(path, writes: test.format)
            }
        }
    }

    @Test func wrongExtensionNamesTheOutputTheFormatAndTheInput() {
        let error = OutputPolicyError(path: "filled.csv", reason: .wrongExtension(expected: .xlsx, source: "buyer.xlsx"))
        #expect(error.description == "filled.csv: the output would hold an XLSX workbook (from buyer.xlsx); give it a name ending .xlsx")
    }

    @Test func anExistingFileIsKeptUnlessForced() throws {
        let scratch = try ScratchFolder("OutputPolicyTests")
        let existing = try scratch.write("reviewed", to: "review.xlsx")
        #expect(throws: OutputPolicyError(path: existing, reason: .exists)) { try OutputPolicy().check(existing, writes: .xlsx) }
        #expect(throws: Never.self) { try OutputPolicy(force: true).check(existing, writes: .xlsx) }
        #expect(throws: Never.self) { try OutputPolicy().check(scratch.path("new.xlsx"), writes: .xlsx) }
    }

    @Test func theInputIsNeverAnOutputByAnyNameEvenForced() throws {
        let scratch = try ScratchFolder("OutputPolicyTests")
        let input = try scratch.write("id,question\n", to: "buyer/q.csv")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.csv"), withDestinationPath: input)
        let policy = OutputPolicy(force: true, inputs: [input])
        for alias in [input, scratch.path("buyer/../buyer/q.csv"), scratch.path("link.csv")] {
            let error = #expect(throws: OutputPolicyError.self) { try policy.check(alias, writes: .csv) }
            #expect(error?.reason == .isInput(input))
            #expect(error?.description.contains(alias) == true && error?.description.contains(input) == true)
        }
    }

    @Test func aFolderIsNotAnOutputFile() throws {
        let scratch = try ScratchFolder("OutputPolicyTests")
        try FileManager.default.createDirectory(atPath: scratch.path("out.xlsx"), withIntermediateDirectories: true)
        #expect(throws: OutputPolicyError(path: scratch.path("out.xlsx"), reason: .isFolder)) {
            try OutputPolicy(force: true).check(scratch.path("out.xlsx"), writes: .xlsx)
        }
    }

    @Test(arguments: [("a/b/Filled.XLSX", OutputPolicy.Format.xlsx), ("q.tsv", .csv), ("p.markdown", .markdown), ("x.pdf", nil)])
    func formatOfAPath(_ path: String, _ format: OutputPolicy.Format?) {
        #expect(OutputPolicy.Format(path: path) == format)
    }
}
