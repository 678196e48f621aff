import ArgumentParser
import Foundation
import Questionnaire
import ResponderModel
import Spreadsheet

/// `responder inspect`: shows what question detection finds in questionnaire files.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the sheets, columns and questions detected in questionnaire files."
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
        var reports: [FileReport] = []
        for path in files {
            do {
                let (workbook, readDiagnostics) = try SpreadsheetReader.read(path: path)
                var scan = detector.detect(in: workbook)
                scan.diagnostics = readDiagnostics + scan.diagnostics
                reports.append(FileReport(path: path, scan: scan, failed: false))
            } catch {
                let diagnostic = Diagnostic(.error, at: error.location, error.message)
                reports.append(FileReport(path: path, scan: QuestionnaireScan(diagnostics: [diagnostic]), failed: true))
            }
        }
        switch format {
        case .json: print(try Self.json(reports))
        case .table: print(Self.table(reports), terminator: "")
        }
        if reports.contains(where: \.failed) || reports.contains(where: { $0.scan.diagnostics.contains { $0.severity == .error } }) {
            throw ExitCode.failure
        }
    }

    struct FileReport {
        var path: String
        var scan: QuestionnaireScan
        var failed: Bool
    }

    private struct JSONRoot: Encodable {
        var files: [JSONFile]
    }

    private struct JSONFile: Encodable {
        var path: String
        var questions: [JSONQuestion]
        var sheets: [SheetLayout]
        var diagnostics: [JSONDiagnostic]
    }

    /// A question with `section` and `parentRow` always present (null when absent), for stable consumers.
    private struct JSONQuestion: Encodable {
        var question: Question

        enum CodingKeys: String, CodingKey {
            case id, sheet, row, text, section, answerCells, parentRow, isCritical
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(question.id, forKey: .id)
            try container.encode(question.sheet, forKey: .sheet)
            try container.encode(question.row, forKey: .row)
            try container.encode(question.text, forKey: .text)
            try container.encode(question.section, forKey: .section)
            try container.encode(question.answerCells, forKey: .answerCells)
            try container.encode(question.parentRow, forKey: .parentRow)
            try container.encode(question.isCritical, forKey: .isCritical)
        }
    }

    private struct JSONDiagnostic: Encodable {
        var severity: String
        var location: String
        var message: String
    }

    static func json(_ reports: [FileReport]) throws -> String {
        let root = JSONRoot(files: reports.map { report in
            JSONFile(path: report.path, questions: report.scan.questions.map(JSONQuestion.init), sheets: report.scan.layouts,
                     diagnostics: report.scan.diagnostics.map {
                         JSONDiagnostic(severity: $0.severity.rawValue, location: $0.location.description, message: $0.message)
                     })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(root), as: UTF8.self)
    }

    static func table(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports {
            out += "\(report.path)\n"
            for layout in report.scan.layouts {
                out += "  sheet '\(layout.sheet)': "
                if let reason = layout.skippedReason {
                    out += "skipped (\(reason))\n"
                    continue
                }
                out += "\(layout.questionCount) questions"
                if let header = layout.headerRow { out += ", header row \(header)" } else { out += ", no header" }
                if let template = layout.template { out += ", template \(template)" }
                out += "\n"
                for column in layout.columns {
                    let label = column.label.map { " \"\($0)\"" } ?? ""
                    out += "    \(CellAddress.columnLetters(column.column).padding(toLength: 3, withPad: " ", startingAt: 0)) \(column.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) (\(column.source.rawValue))\(label)\n"
                }
                for question in report.scan.questions.filter({ $0.sheet == layout.sheet }).prefix(5) {
                    let text = question.text.replacingOccurrences(of: "\n", with: " ")
                    let short = text.count > 70 ? String(text.prefix(69)) + "…" : text
                    let id = question.id.isEmpty ? "-" : question.id
                    out += "    \(question.row): [\(id)] \(short)\n"
                }
            }
            for diagnostic in report.scan.diagnostics {
                out += "  \(diagnostic)\n"
            }
        }
        return out
    }
}
