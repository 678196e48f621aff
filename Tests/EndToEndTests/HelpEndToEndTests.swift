import Foundation
import Testing
import TestSupport

/// What a newcomer sees on a typo, on `--version` and in help.
@Suite struct HelpEndToEndTests {
    @Test(arguments: [
        (["drat", "x"], "unknown command 'drat'; did you mean 'draft'?"),
        (["inspekt", "file.xlsx"], "unknown command 'inspekt'; did you mean 'inspect'?"),
        (["frobnicate"], "unknown command 'frobnicate'; the commands are init, inspect, draft"),
    ])
    func aMistypedCommandSuggestsTheNearest(arguments: [String], message: String) throws {
        let outcome = try ResponderBinary.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("unexpected argument"))
    }

    @Test func versionNamesTheKnowledgeBaseFormat() throws {
        let outcome = try ResponderBinary.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.range(of: #"^responder \d+\.\d+\.\d+ \(knowledge-base format 1\)\n$"#, options: .regularExpression) != nil,
                "\(outcome.stdout)")
    }
}
