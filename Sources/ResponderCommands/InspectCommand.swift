import ArgumentParser
import Foundation
import Questionnaire
import ResponderModel
import Spreadsheet

/// `responder inspect`: shows what question detection finds in questionnaire files, and why.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the sheets, columns and questions detected in questionnaire files.",
        discussion: """
            For every sheet: whether it is read as a questionnaire or skipped and why (hidden, derived from another \
            sheet, master list, dropdown lists, changelog, cover or instructions), the header row, the columns and \
            their roles, and the counts of questions, echo rows (another sheet's question repeated with its answer \
            pulled in by formula), section rows and instruction rows. --format json prints the questions and a \
            `sheets` array with the same facts.

            Examples:
              responder inspect buyer.xlsx
              responder inspect questions.csv --columns id=A,question=B,answer=C --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "CSV or XLSX questionnaire files.")
    var files: [String]

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var detection: DetectionOptionGroup

    func run() throws {
        let detector = QuestionDetector(options: try detection.detectionOptions())
        var failed = false
        var json = JSONStreamWriter(.standardOutput)
        if format == .json { json.raw("{\n  \"files\" : [") }
        for (index, path) in files.enumerated() {
            // One file at a time: its workbook and questions are released before the next is read.
            let report: FileReport
            do {
                let (workbook, readDiagnostics) = try SpreadsheetReader.read(path: path)
                var scan = detector.detect(in: workbook)
                scan.diagnostics = readDiagnostics + scan.diagnostics
                report = FileReport(path: path, scan: scan, failed: false)
            } catch {
                let diagnostic = Diagnostic(.error, at: error.location, error.message)
                report = FileReport(path: path, scan: QuestionnaireScan(diagnostics: [diagnostic]), failed: true)
            }
            failed = failed || report.failed || report.scan.diagnostics.contains { $0.severity == .error }
            switch format {
            case .json:
                if index > 0 { json.raw(",") }
                Self.write(report, to: &json)
            case .table:
                print(Self.table(report), terminator: "")
            }
        }
        if format == .json {
            json.raw("\n  ]\n}\n")
            json.flush()
        }
        if failed { throw ExitCode.failure }
    }

    struct FileReport {
        var path: String
        var scan: QuestionnaireScan
        var failed: Bool
    }

    /// One file's report: `diagnostics`, `path`, `questions` (one per line) and `sheets`.
    static func write(_ report: FileReport, to json: inout JSONStreamWriter) {
        json.raw("\n    {\n      \"diagnostics\" : [")
        for (index, diagnostic) in report.scan.diagnostics.enumerated() {
            json.raw(index == 0 ? "\n        {" : ",\n        {")
            json.key("location", first: true)
            json.string(diagnostic.location.description)
            json.key("message")
            json.string(diagnostic.message)
            json.key("severity")
            json.string(diagnostic.severity.rawValue)
            json.raw("}")
        }
        json.raw("\n      ],\n      \"path\" : ")
        json.string(report.path)
        json.raw(",\n      \"questions\" : [")
        for (index, question) in report.scan.questions.enumerated() {
            json.raw(index == 0 ? "\n        " : ",\n        ")
            write(question, to: &json)
        }
        json.raw("\n      ],\n      \"sheets\" : [")
        for (index, layout) in report.scan.layouts.enumerated() {
            json.raw(index == 0 ? "\n        " : ",\n        ")
            write(layout, to: &json)
        }
        json.raw("\n      ]\n    }")
    }

    /// A question with `section` and `parentRow` always present (null when absent), for stable consumers.
    private static func write(_ question: Question, to json: inout JSONStreamWriter) {
        json.raw("{")
        json.key("answerCells", first: true)
        json.raw("[")
        for (index, cell) in question.answerCells.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{")
            var first = true
            if let allowed = cell.allowed {
                json.key("allowed", first: true)
                json.strings(allowed)
                first = false
            }
            json.key("column", first: first)
            json.string(cell.column)
            json.key("kind")
            json.string(cell.kind.rawValue)
            if let label = cell.label {
                json.key("label")
                json.string(label)
            }
            json.raw("}")
        }
        json.raw("]")
        json.key("id")
        json.string(question.id)
        json.key("isCritical")
        json.bool(question.isCritical)
        json.key("parentRow")
        json.optionalInteger(question.parentRow)
        json.key("row")
        json.integer(question.row)
        json.key("section")
        json.optionalString(question.section)
        json.key("sheet")
        json.string(question.sheet)
        json.key("text")
        json.string(question.text)
        json.raw("}")
    }

    /// A sheet's facts: used or skipped and why, header row, columns and roles, and row counts.
    private static func write(_ layout: SheetLayout, to json: inout JSONStreamWriter) {
        json.raw("{")
        json.key("columns", first: true)
        json.raw("[")
        for (index, column) in layout.columns.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{")
            json.key("column", first: true)
            json.integer(column.column)
            if let kind = column.kind {
                json.key("kind")
                json.string(kind.rawValue)
            }
            json.key("label")
            json.optionalString(column.label)
            json.key("letter")
            json.string(CellAddress.columnLetters(column.column))
            json.key("role")
            json.string(column.role.rawValue)
            json.key("source")
            json.string(column.source.rawValue)
            json.raw("}")
        }
        json.raw("]")
        json.key("echoCount")
        json.integer(layout.echoCount)
        json.key("headerRow")
        json.optionalInteger(layout.headerRow)
        json.key("instructionCount")
        json.integer(layout.instructionCount)
        json.key("questionCount")
        json.integer(layout.questionCount)
        json.key("sectionCount")
        json.integer(layout.sectionCount)
        json.key("sheet")
        json.string(layout.sheet)
        json.key("skippedReason")
        json.optionalString(layout.skippedReason)
        json.key("template")
        json.optionalString(layout.template)
        json.key("used")
        json.bool(layout.isUsed)
        json.raw("}")
    }

    static func table(_ report: FileReport) -> String {
        var out = "\(report.path)\n"
        for layout in report.scan.layouts {
            out += "  sheet '\(TerminalText.safe(layout.sheet))': "
            if let reason = layout.skippedReason {
                out += "skipped (\(TerminalText.safe(reason)))\n"
                continue
            }
            out += "\(layout.questionCount) questions"
            if let header = layout.headerRow { out += ", header row \(header)" } else { out += ", no header" }
            if let template = layout.template { out += ", template \(template)" }
            var skipped: [String] = []
            if layout.echoCount > 0 { skipped.append("\(layout.echoCount) echo rows") }
            if layout.sectionCount > 0 { skipped.append("\(layout.sectionCount) section rows") }
            if layout.instructionCount > 0 { skipped.append("\(layout.instructionCount) instruction rows") }
            if !skipped.isEmpty { out += "; not questions: " + skipped.joined(separator: ", ") }
            out += "\n"
            for column in layout.columns {
                let label = column.label.map { " \"\(TerminalText.safe($0))\"" } ?? ""
                let kind = column.kind.map { " as \($0.rawValue)" } ?? ""
                out +=
                    "    \(CellAddress.columnLetters(column.column).padding(toLength: 3, withPad: " ", startingAt: 0)) \(column.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) (\(column.source.rawValue))\(label)\(kind)\n"
            }
            for question in report.scan.questions.lazy.filter({ $0.sheet == layout.sheet }).prefix(5) {
                let text = TerminalText.safe(question.text.replacingOccurrences(of: "\n", with: " "))
                let short = text.count > 70 ? String(text.prefix(69)) + "…" : text
                let id = question.id.isEmpty ? "-" : TerminalText.safe(question.id)
                out += "    \(question.row): [\(id)] \(short)\n"
            }
        }
        for diagnostic in report.scan.diagnostics {
            out += "  \(TerminalText.safe(diagnostic.description))\n"
        }
        return out
    }
}
