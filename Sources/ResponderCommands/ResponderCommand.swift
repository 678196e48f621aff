import ArgumentParser

/// The `responder` command tree.
public struct ResponderCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "responder",
        abstract: "Answer AI-governance (ISO/IEC 42001) procurement questionnaires from a mapped knowledge base.",
        subcommands: [InspectCommand.self, DraftCommand.self, RunsCommand.self, ReviewCommand.self, ExportCommand.self, LibraryCommand.self,
                      KBCommand.self, BenchReadCommand.self]
    )

    public init() {}
}
