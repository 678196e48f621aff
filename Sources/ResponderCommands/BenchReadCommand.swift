import ArgumentParser
import Spreadsheet

/// Reads files and prints what was read, for the reader benchmarks (hidden from help).
struct BenchReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-read",
        abstract: "Read spreadsheets and count their cells (benchmark helper).",
        shouldDisplay: false
    )

    @Argument(help: "CSV or XLSX files.")
    var files: [String]

    func run() throws {
        var failed = false
        for path in files {
            do {
                let (workbook, _) = try SpreadsheetReader.read(path: path)
                let cells = workbook.sheets.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.cells.count } }
                print("\(path): \(workbook.sheets.count) sheets, \(cells) cells")
            } catch {
                printError(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
