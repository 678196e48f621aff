import ArgumentParser
import Foundation
import RunStore
import Workflow

/// `responder store copy`: moves a store's contents into another, empty store, verifiably.
struct StoreCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy the workspace's store (runs, decisions, audit log, learned answers) into another, empty store.",
        discussion: """
            Typically from the SQLite file to a team's PostgreSQL database: \
            `responder store copy --to postgres://ana@db.example.com:5432/responder`. Everything is written in one \
            transaction, with the audit log's own numbering; then both stores are read back and their counts and a \
            checksum of the audit log printed. Exit status 1 when the destination already holds runs or the copy \
            does not match. Point responder.yaml's store: at the destination afterwards.

            Examples:
              responder store copy --to postgres://ana@db.example.com:5432/responder
              responder store copy --store my-kb/.responder/store.sqlite --to .responder/store.sqlite
            """
    )

    @Option(name: .long, help: ArgumentHelp("The destination store: a SQLite file or postgres:// URL.", valueName: "path-or-url"))
    var to: String

    @OptionGroup var knowledgeBase: WorkspaceOptions

    func run() async throws {
        let workspace = try knowledgeBase.workspace()
        let source = try await knowledgeBase.openStore(workspace)
        let contents = try await source.contents()
        try await source.close()
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let destinationLocation = StoreLocation(to, relativeTo: here)
        guard destinationLocation != workspace.store else {
            throw CommandFailure(.usage, "--to names the store being copied")
        }
        let destination: any RunStore
        do {
            destination = try await RunStoreOpener.open(destinationLocation)
            try await destination.restore(contents)
        } catch let error as RunStoreError where error.kind == .notEmpty {
            throw CommandFailure(.failure, error.message)
        } catch {
            throw CommandFailure(.io, "\(error)")
        }
        let copied = try await destination.contents()
        try await destination.close()
        print("from \(source.location): \(contents.counts)")
        print("to   \(destination.location): \(copied.counts)")
        guard copied == contents else {
            throw CommandFailure(.io, "the copy does not match its source")
        }
        print("copied and verified")
    }
}
