import ArgumentParser
import Foundation
import KnowledgeBase
import ResponderModel

/// `responder search`: full-text search over the knowledge base.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the catalogue, implementation statements, library questions and evidence titles.",
        discussion: """
            Ranks with SQLite FTS5 (BM25, titles weighted above descriptions; Porter stems, so "encrypting" finds \
            "encryption"). Only the words of TEXT are searched, any of them may match; operators and quotes are \
            ignored. The index lives in the workspace (.responder/kb-index.sqlite) and is rebuilt when the knowledge \
            base changes. Internal evidence is never listed.

            Examples:
              responder search "TLS 1.2" --limit 3
              responder search "model bias testing" --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "What to look for, such as \"TLS 1.2\".")
    var text: String

    @Option(help: "At most this many results.")
    var limit: Int = 10

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    /// One result as printed.
    private struct Result: Encodable {
        var kind: String
        var ref: String
        var title: String
        var score: Double
    }

    func run() async throws {
        let workspace = try knowledgeBase.workspace()
        let loaded = try knowledgeBase.load(workspace)
        if loaded.diagnostics.contains(where: { $0.severity == .error }) {
            throw CommandFailure(.data, "the knowledge base has errors; run `responder kb check` for the full list")
        }
        let hits: [KnowledgeBaseStore.Hit]
        do {
            let index = try workspace.indexPath.map { try KnowledgeBaseStore(path: $0) } ?? KnowledgeBaseStore()
            try index.synchronise(with: loaded.content)
            hits = try index.search(text, limit: limit)
        } catch {
            throw CommandFailure(.io, "cannot search the knowledge-base index \(workspace.indexPath ?? "in memory"): \(error)")
        }
        let results = hits.map { Result(kind: $0.kind, ref: $0.ref, title: Self.title(of: $0, in: loaded.content), score: $0.score) }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(["results": results]) + Data("\n".utf8))
        case .table:
            var rows = [["kind", "ref", "score", "title"]]
            rows += results.map { [$0.kind, $0.ref, String(format: "%.2f", $0.score), $0.title] }
            print(TextTable.render(rows))
            if results.isEmpty { printError("nothing in the knowledge base matches '\(text)'") }
        }
    }

    private static func title(of hit: KnowledgeBaseStore.Hit, in content: KnowledgeBaseContent) -> String {
        switch hit.kind {
        case "catalogue": content.catalogue.first { $0.ref.description == hit.ref }?.title ?? ""
        case "library": content.library.first { $0.id == hit.ref }?.question ?? ""
        case "evidence": content.evidence.first { $0.id == hit.ref }?.title ?? ""
        default: ""
        }
    }
}
