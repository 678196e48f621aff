import ArgumentParser
import Foundation
import KnowledgeBase

/// The `responder` command tree.
public struct ResponderCommand: AsyncParsableCommand {
    /// This build's version, shown by `--version` with the knowledge-base format it reads.
    static let version = "0.19.0"

    public static let configuration = CommandConfiguration(
        commandName: "responder",
        abstract: "Answer AI-governance (ISO/IEC 42001) procurement questionnaires from a mapped knowledge base.",
        discussion: """
            Examples:
              responder draft Samples/questionnaires/globex-ai-vendor-assessment.xlsx --out out
              responder inspect buyer.xlsx
            """,
        version: "responder \(version) (knowledge-base format \(KnowledgeBaseLoader.formatVersion))",
        subcommands: [
            InitCommand.self, InspectCommand.self, DraftCommand.self, RunsCommand.self, ReviewCommand.self, ExportCommand.self,
            AuditCommand.self, SearchCommand.self, LibraryCommand.self, ServeCommand.self, KBCommand.self, StoreCommand.self, BenchReadCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line; a mistyped command name is answered with the nearest one rather than
    /// argument-parser's "unexpected arguments", and a ``CommandFailure`` is printed as `error: ...`
    /// with its own exit status and no usage banner.
    public static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = CommandSuggestion.unknownCommand(first, among: visibleNames) {
            printError(message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            printError("error: \(failure.message)")
            Foundation.exit(failure.status.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    /// The names a user may type first: visible subcommands and `help`.
    static var visibleNames: [String] {
        configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName } + ["help"]
    }
}
