import ArgumentParser
import Foundation
import KnowledgeBase

/// `responder runs`: lists the draft runs recorded in the store.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the draft runs recorded in the store, newest last."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    /// The JSON document: `{"runs":[...]}`.
    private struct Listing: Encodable {
        var runs: [RunSummary]
    }

    func run() throws {
        let runs = try knowledgeBase.openStore().runs()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(Listing(runs: runs)) + Data("\n".utf8))
        case .table:
            var rows = [["run", "created", "kb version", "as of", "path"]]
            rows += runs.map { [$0.id, $0.createdAt, $0.kbVersion, $0.asOf, $0.path] }
            let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
            let lines = rows.map { row in
                row.enumerated().map { column, cell in
                    column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }.joined(separator: "  ")
            }
            print(TerminalText.safe(lines.joined(separator: "\n")))
            if runs.isEmpty { printError("no runs in \(knowledgeBase.storePath); `responder draft` records them") }
        }
    }
}
