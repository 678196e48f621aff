import ArgumentParser

/// `responder review`: decides drafted answers of a run, by key or through a review workbook.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Approve, edit or reject drafted answers of a run.",
        discussion: """
            `review approve|reject|edit RUN KEY...` decides questions by key; `review export` writes a workbook to \
            decide them in Excel and `review import` records what it says. `responder help review ACTION` shows \
            each action's options.

            Examples:
              responder review approve 3f2a9c1d0b7e AIG-01 --reviewer ana
              responder review export 3f2a9c1d0b7e --out review.xlsx
            """,
        subcommands: [
            ReviewApproveCommand.self, ReviewEditCommand.self, ReviewRejectCommand.self,
            ReviewExportCommand.self, ReviewImportCommand.self,
        ]
    )
}
