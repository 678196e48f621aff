import ArgumentParser
import Foundation
import RunStore
import Workflow

/// `responder init`: makes the current folder a workspace by writing `responder.yaml`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make this folder a workspace: write responder.yaml naming the knowledge base and the store.",
        discussion: """
            Every command run in this folder or below then finds responder.yaml (as git finds a repository), so \
            draft, runs, review, export and library need no --kb. Runs, decisions and learned answers go to the store: \
            .responder/store.sqlite here by default, or a PostgreSQL database shared by a team \
            (--store postgres://user@host:5432/db; the password comes from PGPASSWORD or ~/.pgpass, never from the file). \
            --kb must name a knowledge-base folder (one with organisation.yaml); nothing is created otherwise.

            Examples:
              responder init --kb my-kb
              responder init --kb my-kb --store postgres://ana@db.example.com:5432/responder
            """
    )

    @Option(name: .long, help: "The knowledge-base folder; default: this folder when it is one.")
    var kb: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The run store: a SQLite file or postgres://user@host:5432/db; default: .responder/store.sqlite.",
            valueName: "path-or-url"))
    var store: String?

    func run() throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let file = try reporting {
            try Workspace.create(in: here, kb: kb ?? ".", store: store, from: here)
        }
        print("wrote \(WorkspaceFile.name): kb \(file.kb ?? "."), store \(file.store.map(StoreLocation.redacted) ?? "")")
    }
}
