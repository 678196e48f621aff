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
        #expect(
            outcome.stdout.range(of: #"^responder \d+\.\d+\.\d+ \(knowledge-base format 1\)\n$"#, options: .regularExpression) != nil,
            "\(outcome.stdout)")
    }

    struct HelpCase: Sendable, CustomTestStringConvertible {
        var command: [String]
        /// Text the usage line must show (options the command needs).
        var usage: [String]
        /// Options that do nothing for this command and must not be listed.
        var absent: [String]
        var testDescription: String { command.joined(separator: " ") }
    }

    static let storeOnly = ["--as-of", "--mappings"]

    @Test(arguments: [
        HelpCase(command: ["init"], usage: ["responder init"], absent: storeOnly),
        HelpCase(command: ["inspect"], usage: ["<files> ..."], absent: storeOnly + ["--store"]),
        HelpCase(command: ["draft"], usage: ["<inputs> ..."], absent: []),
        HelpCase(command: ["runs"], usage: ["responder runs"], absent: storeOnly),
        HelpCase(command: ["review"], usage: ["responder review"], absent: storeOnly),
        HelpCase(command: ["review", "approve"], usage: ["<run-id> <key> ...", "--reviewer <reviewer>"], absent: storeOnly + ["--choice", "--text"]),
        HelpCase(command: ["review", "reject"], usage: ["<run-id> <key> ...", "--reviewer <reviewer>"], absent: storeOnly + ["--choice", "--text"]),
        HelpCase(command: ["review", "edit"], usage: ["<run-id> <key> ...", "--reviewer <reviewer>"], absent: ["--as-of"]),
        HelpCase(command: ["review", "export"], usage: ["<run-id>", "--out <out>"], absent: storeOnly),
        HelpCase(command: ["review", "import"], usage: ["<workbook>", "--reviewer <reviewer>"], absent: ["--as-of"]),
        HelpCase(command: ["audit"], usage: ["responder audit"], absent: storeOnly),
        HelpCase(command: ["search"], usage: ["<text>"], absent: ["--as-of"]),
        HelpCase(command: ["library", "export"], usage: ["responder library export"], absent: ["--as-of"]),
        HelpCase(command: ["kb", "check"], usage: ["responder kb check"], absent: []),
        HelpCase(command: ["store", "copy"], usage: ["--to <path-or-url>"], absent: storeOnly),
        HelpCase(command: ["store", "check"], usage: ["responder store check"], absent: storeOnly),
        HelpCase(command: ["export"], usage: ["responder export", "--all", "--answers"], absent: ["--as-of"]),
        HelpCase(command: ["serve"], usage: ["responder serve"], absent: []),
    ])
    func eachCommandHasItsOwnHelpEndingInExamples(_ test: HelpCase) throws {
        let outcome = try ResponderBinary.run(["help"] + test.command)
        #expect(outcome.status == 0)
        let help = outcome.stdout
        let usage = try #require(
            help.components(separatedBy: "USAGE:").dropFirst().first?.components(separatedBy: "\n\n").first,
            "no usage in: \(help)")
        #expect(usage.contains("responder " + test.command.joined(separator: " ")), "usage: \(usage)")
        for part in test.usage { #expect(usage.contains(part), "\(part) not in usage: \(usage)") }
        for option in test.absent { #expect(!help.contains(option), "\(option) listed in: \(help)") }
        let examples = try #require(help.components(separatedBy: "Examples:").dropFirst().first, "no examples in: \(help)")
        let lines = examples.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("responder ") }
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.hasPrefix("responder " + test.command[0]), "\(line)") }
        // The examples close the overview, before the option list.
        #expect(help.range(of: "Examples:")!.lowerBound < (help.range(of: "OPTIONS:")?.lowerBound ?? help.endIndex))
    }

    @Test func helpForAnActionIsThatActionsHelp() throws {
        let approve = try ResponderBinary.run(["help", "review", "approve"])
        #expect(approve.stdout.contains("Approve drafted answers of a run as they are."))
        #expect(!approve.stdout.contains("SUBCOMMANDS"))
        let viaFlag = try ResponderBinary.run(["review", "approve", "--help"])
        #expect(viaFlag.stdout == approve.stdout)
    }
}
