import ArgumentParser
import Foundation
import RunStore

/// `responder audit`: prints the append-only audit log of decisions.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print the audit log: every change of a decision, oldest first, with who, when, before, after and notes.",
        discussion: """
            With RUN, only that run's entries. The log is append-only: the store refuses to change or delete entries.

            Examples:
              responder audit
              responder audit 3f2a9c1d0b7e --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "A run ID (see `responder runs`); default: every run.")
    var runID: String?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var knowledgeBase: WorkspaceOptions

    /// The JSON document: `{"entries":[...]}`.
    private struct Listing: Encodable {
        var entries: [AuditEntry]
    }

    func run() async throws {
        let store = try await knowledgeBase.openStore(try knowledgeBase.workspace())
        if let runID, try await store.run(runID) == nil {
            printError("error: no run '\(runID)' in \(store.location); `responder runs` lists them")
            throw ExitCode.failure
        }
        let entries = try await store.auditLog(run: runID)
        try await store.close()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(Listing(entries: entries)) + Data("\n".utf8))
        case .table:
            var rows = [["#", "at", "run", "key", "action", "reviewer", "choice", "notes"]]
            rows += entries.map { entry in
                [
                    String(entry.id), entry.at, entry.runId, entry.key, entry.action, entry.reviewer,
                    Self.choice(in: entry.after) ?? "", (entry.notes ?? "").replacingOccurrences(of: "\n", with: " "),
                ]
            }
            print(TextTable.render(rows))
            if entries.isEmpty { printError("no decisions recorded in \(store.location)") }
        }
    }

    /// The `choice` of an audit entry's JSON, if any.
    private static func choice(in json: String?) -> String? {
        guard let data = json?.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["choice"] as? String
    }
}
