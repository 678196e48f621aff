import ArgumentParser
import Foundation
import ReviewDesk
import Workflow

/// `responder serve`: the web review desk over the workspace's knowledge base and run store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the review desk: review, decide and export runs in a browser.",
        discussion: """
            Prints one URL to open; its token works once and becomes the browser's session. Decisions go through the \
            same rules and audit log as `responder review` (a question someone decided after the page loaded is \
            refused, naming who and when). Without --reviewer the desk asks each browser for the reviewer's name. \
            Listens on 127.0.0.1 unless --host says otherwise; requests must name the served host and port. \
            Stop it with Ctrl-C.

            Examples:
              responder serve
              responder serve --port 9000 --reviewer dana
            """
    )

    @Option(help: "The address to listen on (default: loopback only).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8042

    @Option(help: "Decide as this reviewer in every session instead of asking for a name.")
    var reviewer: String?

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    /// The date the matches shown beside a question are judged as of.
    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535") }
        if let reviewer, reviewer.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reviewer must name someone") }
    }

    func run() async throws {
        let workspace = try knowledgeBase.workspace()
        let loaded = try knowledgeBase.load(workspace)
        if loaded.diagnostics.contains(where: { $0.severity == .error }) {
            throw CommandFailure(.data, "the knowledge base has errors; run `responder kb check` for the full list")
        }
        if !ReviewDesk.Configuration.isLoopback(host) {
            printError("warning: serving on \(host), not loopback: anyone who can reach it and holds the URL can review")
        }
        let store = try await knowledgeBase.openStore(workspace)
        let learned = try await store.learnedAnswers()
        let desk: ReviewDesk
        do {
            desk = try ReviewDesk(
                configuration: ReviewDesk.Configuration(host: host, port: port, reviewer: reviewer),
                store: store, content: loaded.content, learned: learned,
                indexPath: workspace.indexPath, asOf: asOf.date)
        } catch {
            throw CommandFailure(.io, "cannot open the knowledge-base index \(workspace.indexPath ?? "in memory"): \(error)")
        }
        let url = desk.loginURL(token: await desk.issueLoginToken())
        let app = desk.application {
            // Written unbuffered: whoever started the desk (a person, a script) reads it at once.
            FileHandle.standardOutput.write(Data("Review desk: open \(url)\n".utf8))
        }
        do {
            try await app.runService()
        } catch {
            try? await store.close()
            throw CommandFailure(.io, "cannot serve on \(host):\(port): \(error)")
        }
        try await store.close()
    }
}
