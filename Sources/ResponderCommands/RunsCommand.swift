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
        var runs: [Entry]
    }

    /// A run's summary and, when it was exported, the time of its last export (`lastExportedAt`).
    private struct Entry: Encodable {
        var run: RunSummary
        var lastExportedAt: String?

        enum Key: String, CodingKey {
            case lastExportedAt
        }

        func encode(to encoder: any Encoder) throws {
            try run.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(lastExportedAt, forKey: .lastExportedAt)
        }
    }

    func run() async throws {
        let store = try await knowledgeBase.openStore(try knowledgeBase.workspace())
        let runs = try await store.runs()
        var lastExported: [String: String] = [:]
        for export in try await store.exports(run: nil) { lastExported[export.runId] = export.exportedAt }
        try await store.close()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(
                try encoder.encode(Listing(runs: runs.map { Entry(run: $0, lastExportedAt: lastExported[$0.id]) }))
                    + Data("\n".utf8))
        case .table:
            var rows = [["run", "created", "kb version", "as of", "last exported", "path"]]
            rows += runs.map { [$0.id, $0.createdAt, $0.kbVersion, $0.asOf, lastExported[$0.id] ?? "-", $0.path] }
            print(TerminalText.safe(TextTable.render(rows)))
            if runs.isEmpty { printError("no runs in \(store.location); `responder draft` records them") }
        }
    }
}
