import ArgumentParser

/// `responder review`: decides drafted answers of a run, by key or through a review workbook.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Approve, edit or reject drafted answers of a run.",
        usage: """
            responder review <action> <run-id> <keys> ... --reviewer <reviewer> [--choice <choice>] [--text <text>]
            responder review export <run-id> --out <out>
            responder review import <workbook> --reviewer <reviewer>
            """,
        discussion: """
            `review approve|reject|edit RUN KEY...` decides questions by key; `review export` writes a workbook to \
            decide them in Excel and `review import` records what it says.
            """,
        subcommands: [ReviewDecideCommand.self, ReviewExportCommand.self, ReviewImportCommand.self],
        defaultSubcommand: ReviewDecideCommand.self
    )
}
