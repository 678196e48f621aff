import ArgumentParser
import Foundation
import RunStore
import Workflow

/// Where the knowledge base and the run store are, for every command that opens either. Without
/// `--kb` or `--store` they come from the nearest `responder.yaml` at or above the current folder.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The organisation's knowledge-base folder; default: the workspace's (responder.yaml).")
    var kb: String?

    @Option(
        name: [.customLong("store"), .customLong("db")],
        help: ArgumentHelp(
            "The run store: a SQLite file or postgres://user@host:5432/db; default: the workspace's.",
            valueName: "path-or-url"))
    var store: String?

    /// The workspace seen from the current folder with the overrides applied; a named knowledge
    /// base that is not one is refused here, before anything is opened or created.
    func workspace(mappings: String? = nil) throws -> Workspace {
        try reporting {
            try Workspace.resolve(
                from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                overrides: Workspace.Overrides(kb: kb, store: store, mappings: mappings))
        }
    }

    /// The knowledge-base folder as the user reads it: `--kb` as given, else the workspace's
    /// relative to the current folder when below it.
    func kbFolder(_ workspace: Workspace) throws -> String {
        let path = try reporting { try workspace.requireKB() }
        if let kb { return kb }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }

    /// Opens the workspace's run store (creating a SQLite one when missing).
    /// - Throws: ``CommandFailure`` (`.io` when the store cannot be opened).
    func openStore(_ workspace: Workspace) async throws -> any RunStore {
        let location = try reporting { try workspace.requireStore() }
        do {
            return try await RunStoreOpener.open(location)
        } catch let error as WorkflowError {
            throw CommandFailure(error)
        } catch let error as RunStoreError {
            throw CommandFailure(error)
        } catch {
            throw CommandFailure(.io, "\(error)")
        }
    }
}

/// Runs `body`, turning a workflow or store error into a ``CommandFailure`` of its kind.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as WorkflowError {
        throw CommandFailure(error)
    } catch let error as RunStoreError {
        throw CommandFailure(error)
    }
}
