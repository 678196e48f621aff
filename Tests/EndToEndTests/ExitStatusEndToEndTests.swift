import Foundation
import Testing
import TestSupport

/// Exit statuses a script can act on (README's table): 64 for a wrong command line, 65 for input
/// that cannot be used, 74 for a file or store that cannot be read or written; runtime failures
/// print their message without argument-parser's usage banner.
@Suite struct ExitStatusEndToEndTests {
    static let sample = Fixtures.repositoryRoot().appendingPathComponent("Samples/questionnaires/acme-retail-ai-questions.csv").path

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int32
        /// Text the message must contain.
        var message: String
        /// Whether the usage banner belongs with it (only for a malformed command line).
        var usage: Bool
        /// Builds the arguments inside a scratch folder.
        var arguments: @Sendable (ScratchFolder) throws -> [String]
        var testDescription: String { name }
    }

    /// Drafts a copy of the sample as `buyer.csv` in `scratch` and returns its run ID.
    static func draftedRun(in scratch: ScratchFolder) throws -> String {
        let buyer = try scratch.copy(URL(fileURLWithPath: sample), to: "buyer.csv")
        let draft = try ResponderBinary.run([
            "draft", buyer, "--kb", "Samples/org", "--out", scratch.path("drafts"), "--db", scratch.path("store.sqlite"),
        ])
        guard let line = draft.stderr.split(separator: "\n").last(where: { $0.hasPrefix("run ") }) else {
            throw DraftFailed(stderr: draft.stderr)
        }
        return String(line.dropFirst(4).prefix(12))
    }

    struct DraftFailed: Error {
        var stderr: String
    }

    @Test(arguments: [
        Case(name: "a bad option value", status: 64, message: "--as-of must be a date", usage: true) { scratch in
            ["draft", sample, "--kb", "Samples/org", "--as-of", "2026-13-45", "--db", scratch.path("store.sqlite")]
        },
        Case(name: "an output name that does not fit", status: 64, message: "give it a name ending .json", usage: false) { scratch in
            ["draft", sample, "--kb", "Samples/org", "--output", scratch.path("drafts.csv"), "--db", scratch.path("store.sqlite")]
        },
        Case(name: "a knowledge base with errors", status: 65, message: "the knowledge base has errors", usage: false) { scratch in
            let kb = try scratch.copy(Fixtures.repositoryRoot().appendingPathComponent("Samples/org"), to: "kb")
            try Data("formatVersion: 1\nsystems: [oops\n".utf8).write(to: URL(fileURLWithPath: kb + "/inventory.yaml"))
            return ["draft", sample, "--kb", kb, "--out", scratch.path("out"), "--db", scratch.path("store.sqlite")]
        },
        Case(name: "a review workbook that is not one", status: 65, message: "review", usage: false) { scratch in
            [
                "review", "import", try scratch.write("id,question\n", to: "review.xlsx"), "--reviewer", "ana", "--kb", "Samples/org",
                "--db", scratch.path("store.sqlite"),
            ]
        },
        Case(name: "an output folder that cannot be created", status: 74, message: "cannot create the output folder", usage: false) { scratch in
            [
                "draft", sample, "--kb", "Samples/org", "--out", try scratch.write("a file", to: "blocker") + "/out",
                "--db", scratch.path("store.sqlite"),
            ]
        },
        Case(name: "an export whose buyer file changed since the draft", status: 65, message: "changed since run", usage: false) { scratch in
            let run = try Self.draftedRun(in: scratch)
            try Data("ID,Question,Answer\nX-1,Changed?,\n".utf8).write(to: URL(fileURLWithPath: scratch.path("buyer.csv")))
            return ["export", run, "--out", scratch.path("filled.csv"), "--allow-empty", "--kb", "Samples/org", "--db", scratch.path("store.sqlite")]
        },
        Case(name: "an export onto a file that exists", status: 64, message: "--force", usage: false) { scratch in
            let run = try Self.draftedRun(in: scratch)
            return [
                "export", run, "--out", try scratch.write("kept", to: "filled.csv"), "--allow-empty", "--kb", "Samples/org",
                "--db", scratch.path("store.sqlite"),
            ]
        },
        Case(name: "a store that cannot be opened", status: 74, message: "cannot open the store", usage: false) { scratch in
            ["runs", "--kb", "Samples/org", "--db", try scratch.write("a file", to: "blocker") + "/store.sqlite"]
        },
    ])
    func exitStatusTellsTheKindOfFailure(_ test: Case) throws {
        let scratch = try ScratchFolder("ExitStatus")
        let outcome = try ResponderBinary.run(try test.arguments(scratch))
        #expect(outcome.status == test.status, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains(test.message), "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("Usage:") == test.usage, "stderr: \(outcome.stderr)")
    }
}
