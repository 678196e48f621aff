import Foundation
import Testing
import TestSupport

/// Every `responder` command shown in README's code blocks runs, as written, against the samples in
/// a scratch workspace (one per block, with the sample questionnaires, `Samples/org` and `my-kb`
/// copies, and the repository's `responder.yaml`), and README's command table agrees with the help.
@Suite(.serialized) struct ReadmeCommandsEndToEndTests {
    static let root = Fixtures.repositoryRoot()

    /// Lines of README's code blocks that are not run: installing, the test script, and the review
    /// desk, which serves until stopped (`scripts/browser/review_desk_e2e.py` runs it in a browser).
    static let skipped: Set<String> = [
        "responder serve            # prints: Review desk: open http://127.0.0.1:8042/?token=...",
        "scripts/install-deps.sh && swift run -c release responder draft Samples/questionnaires --out out",
        "scripts/test.sh",
        "less drafts/globex.review.md",
    ]

    /// The commands of each shell code block (no language, `sh` or `console`), in order, with the
    /// output lines shown after a `$ responder ...` line.
    struct Block: Sendable, CustomTestStringConvertible {
        var line: Int
        var commands: [(command: String, shownOutput: [String])]
        var testDescription: String { "README.md:\(line)" }
    }

    static let blocks: [Block] = {
        let lines =
            (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8))?
            .components(separatedBy: "\n") ?? []
        var blocks: [Block] = []
        var current: Block?
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("```") {
                if let block = current {
                    if block.line > 0, !block.commands.isEmpty { blocks.append(block) }
                    current = nil
                } else if ["```", "```sh", "```console", "```shell"].contains(line) {
                    current = Block(line: index + 1, commands: [])
                } else {
                    // A block in another language (yaml, csv) is not run; its closing fence ends it below.
                    current = Block(line: -1, commands: [])
                }
                continue
            }
            guard let block = current, block.line > 0 else { continue }
            let text = line.hasPrefix("$ ") ? String(line.dropFirst(2)) : line
            if skipped.contains(text) {
                continue
            } else if text.hasPrefix("responder ") {
                current!.commands.append((text, []))
            } else if line.hasPrefix("$ ") || skipped.contains(text) || text.isEmpty {
                continue
            } else if !block.commands.isEmpty, lines[index - 1].hasPrefix("$ ") || !block.commands.last!.shownOutput.isEmpty {
                current!.commands[current!.commands.count - 1].shownOutput.append(text)
            } else {
                Issue.record("README.md:\(index + 1): neither a responder command nor listed as skipped: \(text)")
            }
        }
        return blocks
    }()

    @Test func theReadmeShowsCommandsToRun() {
        #expect(Self.blocks.count >= 4)
        #expect(Self.blocks.flatMap(\.commands).count >= 15)
    }

    @Test(arguments: blocks)
    func everyCommandOfABlockRunsAsShown(_ block: Block) throws {
        let scratch = try ScratchFolder("ReadmeCommands")
        try scratch.copy(Self.root.appendingPathComponent("Samples"), to: "Samples")
        try scratch.copy(Self.root.appendingPathComponent("Samples/org"), to: "my-kb")
        try scratch.copy(Self.root.appendingPathComponent("Samples/questionnaires/globex-ai-vendor-assessment.xlsx"), to: "globex.xlsx")
        let initsItself = block.commands.contains { $0.command.hasPrefix("responder init") }
        if !initsItself { try scratch.copy(Self.root.appendingPathComponent("responder.yaml"), to: "responder.yaml") }
        var runID: String?
        if !initsItself, block.commands.contains(where: { Self.words($0.command).contains("RUN") }),
            !block.commands.contains(where: { $0.command.hasPrefix("responder draft") })
        {
            // The block continues from a draft of the sample, as README's text says.
            let draft = try ResponderBinary.run(["draft", "globex.xlsx", "--out", "drafts"], in: scratch.url)
            #expect(draft.status == 0, "setup draft: \(draft.stderr)")
            runID = Self.runID(draft)
        }
        for (command, shown) in block.commands {
            let arguments = Array(Self.words(command).dropFirst()).map { $0 == "RUN" ? runID ?? "RUN" : $0 }
            let outcome = try ResponderBinary.run(arguments, in: scratch.url)
            #expect(outcome.status == 0, "README.md:\(block.line): \(command)\n\(outcome.stderr)")
            if arguments.first == "draft", let id = Self.runID(outcome) { runID = id }
            for line in shown {
                let expected = line.components(separatedBy: "...")[0].split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let actual = (outcome.stdout + outcome.stderr).split(separator: "\n")
                    .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
                #expect(actual.contains { $0.hasPrefix(expected) }, "README.md:\(block.line): `\(command)` does not print: \(line)\n\(outcome.stdout)")
            }
        }
    }

    /// README's command table: every command exists, and every option a row names is in its help.
    @Test func theCommandTableAgreesWithTheHelp() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try #require(
            readme.components(separatedBy: "## Commands").dropFirst().first?
                .components(separatedBy: "\n\n").first { $0.contains("| command |") })
        var checked = 0
        for row in table.replacingOccurrences(of: "\\|", with: "/").split(separator: "\n") where row.hasPrefix("| `responder ") {
            let cell = row.split(separator: "|")[0]
            let snippets = cell.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            for snippet in snippets where snippet.hasPrefix("responder ") {
                let words = snippet.split(separator: " ").map(String.init).dropFirst()
                let command = Array(words.prefix { $0.first?.isLowercase == true })
                let alternatives = command.last.map { $0.split(separator: "/").map(String.init) } ?? []
                let paths = alternatives.count > 1 ? alternatives.map { Array(command.dropLast()) + [$0] } : [command]
                let options = words.filter { $0.hasPrefix("--") || $0.hasPrefix("[--") }
                    .map { String($0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).prefix { $0 != "]" }) }
                for path in paths {
                    let help = try ResponderBinary.run(["help"] + path)
                    #expect(
                        help.status == 0 && help.stdout.contains("USAGE: responder \(path.joined(separator: " "))"),
                        "`responder help \(path.joined(separator: " "))`: \(help.stdout)")
                    for option in options {
                        #expect(help.stdout.contains(option), "\(snippet): \(option) is not in `responder help \(path.joined(separator: " "))`")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 12)
    }

    static func runID(_ outcome: ResponderBinary.Outcome) -> String? {
        outcome.stderr.split(separator: "\n").last { $0.hasPrefix("run ") }.map { String($0.dropFirst(4).prefix(12)) }
    }

    /// A README command line as a shell would split it: `# comments` dropped, optional `[...]`
    /// parts left out, double quotes grouping words.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var depth = 0
        var started = false
        for character in line {
            if character == "\"" && depth == 0 {
                quoted.toggle()
                started = true
                continue
            }
            if !quoted {
                if character == "#" && depth == 0 { break }
                if character == "[" { depth += 1; continue }
                if character == "]" { depth -= 1; continue }
                if depth > 0 { continue }
                if character == " " {
                    if started { words.append(current) }
                    current = ""
                    started = false
                    continue
                }
            }
            current.append(character)
            started = true
        }
        if started { words.append(current) }
        return words
    }
}
