import ArgumentParser
import Foundation
import KnowledgeBase
import ResponderModel
import RunStore
import Workflow

/// Where the knowledge base and the run store are, and the date the knowledge base is judged
/// against; shared by every command that reads either. Without `--kb` or `--store` they come
/// from the nearest `responder.yaml` at or above the current folder.
struct KnowledgeBaseOptions: ParsableArguments {
    @Option(name: .long, help: "The organisation's knowledge-base folder; default: the workspace's (responder.yaml).")
    var kb: String?

    @Option(name: .long, help: "The mappings folder (catalogue, crosswalks, thesaurus); default: the workspace's, else Mappings/ beside the executable or in the current directory.")
    var mappings: String?

    @Option(name: [.customLong("store"), .customLong("db")],
            help: ArgumentHelp("The run store: a SQLite file or postgres://user@host:5432/db; default: the workspace's.",
                               valueName: "path-or-url"))
    var store: String?

    @Option(name: .customLong("as-of"), help: "Judge stale evidence and overdue assessments as of this date (YYYY-MM-DD); default: today.")
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'")
        }
    }

    /// The `--as-of` date, or today's (UTC).
    var asOfDate: String {
        if let asOf { return asOf }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// The workspace seen from the current folder with the overrides applied; a named knowledge
    /// base that is not one is refused here, before anything is created.
    func workspace() throws -> Workspace {
        try reporting {
            try Workspace.resolve(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
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

    func mappingsFolder(_ workspace: Workspace) -> URL {
        if let mappings = workspace.mappings { return URL(fileURLWithPath: mappings) }
        return ResourceLocator.find("Mappings") ?? URL(fileURLWithPath: "Mappings")
    }

    /// Loads the mappings and the organisation folder.
    func load(_ workspace: Workspace) throws -> KnowledgeBaseLoader.Result {
        KnowledgeBaseLoader.load(mappings: mappingsFolder(workspace).path, organisation: try kbFolder(workspace))
    }

    /// Opens the workspace's run store (creating a SQLite one when missing).
    func openStore(_ workspace: Workspace) async throws -> any RunStore {
        let location = try reporting { try workspace.requireStore() }
        do {
            return try await RunStoreOpener.open(location)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Runs `body`, printing a workflow or store error as `error: ...` and exiting with status 1.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as WorkflowError {
        printError("error: \(error)")
        throw ExitCode.failure
    } catch let error as RunStoreError {
        printError("error: \(error)")
        throw ExitCode.failure
    }
}
