import ArgumentParser

/// The `responder` command tree.
public struct ResponderCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "responder",
        abstract: "Answer AI-governance (ISO/IEC 42001) procurement questionnaires from a mapped knowledge base.",
        subcommands: [InitCommand.self, InspectCommand.self, DraftCommand.self, RunsCommand.self, ReviewCommand.self, ExportCommand.self,
                      AuditCommand.self, SearchCommand.self, LibraryCommand.self, KBCommand.self, StoreCommand.self, BenchReadCommand.self]
    )

    public init() {}
}
