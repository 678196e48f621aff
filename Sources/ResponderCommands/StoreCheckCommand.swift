import ArgumentParser
import RunStore

/// `responder store check`: the store's full integrity check.
struct StoreCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the workspace's store in full (SQLite's integrity_check; the audit log's protection).",
        discussion: """
            Every command already runs a quick check when it opens the store and refuses a damaged store, or one a \
            newer responder wrote, naming it. This runs the full check: for SQLite, PRAGMA integrity_check (every \
            page, index and constraint) and the foreign keys; for both stores, the audit log's append-only triggers. \
            PostgreSQL checks its own pages (data checksums, amcheck). Exit status 1 when a problem is found.

            Examples:
              responder store check
              responder store check --store postgres://ana@db.example.com:5432/responder
            """
    )

    @OptionGroup var location: WorkspaceOptions

    func run() async throws {
        let workspace = try location.workspace()
        let store = try await location.openStore(workspace)
        let result: StoreCheck
        do {
            result = try await store.check()
            try await store.close()
        } catch {
            throw CommandFailure(.io, "cannot check the store \(store.location): \(error)")
        }
        print("checked \(store.location): \(result.checked)")
        guard result.isSound else {
            for problem in result.problems { printError("error: \(store.location): \(problem)") }
            throw ExitCode.failure
        }
        print("ok")
    }
}
