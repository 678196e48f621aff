import ArgumentParser
import Foundation
import KnowledgeBase
import RunStore

/// `responder library export`: the whole library as `library.yaml`.
struct LibraryExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the library (library.yaml entries plus approved and edited review answers) as library.yaml.",
        discussion: """
            The knowledge base's library.yaml entries come first in file order, then the answers learned from reviews \
            in the store, sorted by ID (a learned answer whose ID or question the YAML library already has is left \
            out). Writes to standard output, or atomically to --out.

            Examples:
              responder library export
              responder library export --out library-export.yaml
            """
    )

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var out: String?

    func run() async throws {
        let workspace = try knowledgeBase.workspace()
        let loaded = try knowledgeBase.load(workspace)
        for diagnostic in loaded.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
        if loaded.diagnostics.contains(where: { $0.severity == .error }) {
            throw CommandFailure(.data, "the knowledge base has errors; run `responder kb check` for the full list")
        }
        let store = try await knowledgeBase.openStore(workspace)
        let learned = try await store.learnedAnswers()
        try await store.close()
        let library = LearnedAnswers.merging(learned, into: loaded.content.library)
        let yaml = LibraryYAMLWriter.render(library)
        guard let out else {
            print(yaml, terminator: "")
            return
        }
        do {
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CommandFailure(.io, "cannot write \(out): \(error.localizedDescription)")
        }
        printError("\(out): \(library.count) answers (\(library.count - loaded.content.library.count) learned from reviews)")
    }
}
