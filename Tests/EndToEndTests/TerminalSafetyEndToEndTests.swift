import Foundation
import Testing
import TestSupport

/// A buyer's file whose name and text carry terminal control sequences: every command that prints
/// them shows the control characters escaped.
@Suite(.serialized) struct TerminalSafetyEndToEndTests {
    static let controls: [Character] = ["\u{1B}", "\u{07}", "\u{9B}"]

    @Test func draftRunsReviewAndExportNeverPrintControlCharacters() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("responder-terminal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("buyer\u{1B}[2J\u{1B}]0;owned\u{07}.csv")
        try Data("Ref,Question,Response\nQ-1,Do you encrypt customer data at rest?\u{1B}[31m,\nQ-2,Is MFA enforced\u{9B}?,\n".utf8).write(to: input)
        let store = folder.appendingPathComponent("store.sqlite").path
        func run(_ arguments: [String]) throws -> ResponderBinary.Outcome {
            let outcome = try ResponderBinary.run(arguments + ["--db", store])
            for control in Self.controls {
                #expect(
                    !outcome.stdout.contains(control) && !outcome.stderr.contains(control),
                    "\(arguments.first!) printed \(control.unicodeScalars.first!.value): \(outcome.stderr.debugDescription)")
            }
            return outcome
        }
        let draft = try run([
            "draft", input.path, "--kb", "Samples/org", "--out", folder.appendingPathComponent("out").path,
            "--as-of", "2026-11-23",
        ])
        #expect(draft.status == 0, "stderr: \(draft.stderr)")
        #expect(draft.stderr.contains("buyer\\u{1B}[2J"), "the name is shown, escaped")
        let line = try #require(draft.stderr.split(separator: "\n").first { $0.hasPrefix("run ") })
        let id = String(line.dropFirst(4).prefix(12))
        _ = try run(["runs", "--kb", "Samples/org"])
        let approve = try run(["review", "approve", id, "Q-1", "--reviewer", "ana", "--kb", "Samples/org"])
        #expect(approve.status == 0, "stderr: \(approve.stderr)")
        _ = try run(["export", id, "--out", folder.appendingPathComponent("filled.csv").path, "--kb", "Samples/org"])
    }
}
