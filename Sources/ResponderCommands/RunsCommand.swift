import ArgumentParser
import Foundation
import RunStore

/// `responder runs`: lists the draft runs recorded in the store.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the draft runs recorded in the store, newest last.",
        discussion: """
            Examples:
              responder runs
              responder runs --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var knowledgeBase: WorkspaceOptions

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    /// The JSON document: `{"runs":[...]}`.
    private struct Listing: Encodable {
        var runs: [RunSummary]
    }

    func run() async throws {
        let store = try await knowledgeBase.openStore(try knowledgeBase.workspace())
        let runs = try await store.runs()
        try await store.close()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(Listing(runs: runs)) + Data("\n".utf8))
        case .table:
            var rows = [["run", "created", "kb version", "as of", "path"]]
            rows += runs.map { [$0.id, $0.createdAt, $0.kbVersion, $0.asOf, $0.path] }
            print(TerminalText.safe(TextTable.render(rows)))
            if runs.isEmpty { printError("no runs in \(store.location); `responder draft` records them") }
        }
    }
}
