import ArgumentParser

/// `responder kb`: knowledge-base maintenance.
struct KBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Work with the knowledge base.",
        discussion: """
            Examples:
              responder kb check --kb my-kb
            """,
        subcommands: [KBCheckCommand.self]
    )
}
