import ArgumentParser

/// `responder library`: the answer library, YAML entries plus answers learned from reviews.
struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Work with the answer library.",
        discussion: """
            Examples:
              responder library export --out library-export.yaml
            """,
        subcommands: [LibraryExportCommand.self]
    )
}
