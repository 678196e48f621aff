import ArgumentParser

/// `responder store`: work with the run store.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work with the run store (runs, decisions, the audit log and learned answers).",
        discussion: """
            Examples:
              responder store copy --to postgres://ana@db.example.com:5432/responder
              responder store check
            """,
        subcommands: [StoreCopyCommand.self, StoreCheckCommand.self]
    )
}
