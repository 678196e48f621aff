import Foundation
import ResponderModel
import Spreadsheet

/// Finds the questions of a buyer's workbook: which sheets the vendor fills, their header rows,
/// ID/question/answer columns, sections and follow-ups, with overrides > template > detection.
///
/// Sheets that are not for the vendor to fill are skipped with a reason: hidden sheets, changelogs,
/// dropdown sources, sheets derived by formula from another sheet (analyst evaluations, reports,
/// crosswalks) and master lists the vendor sheets look their questions up from. A sheet named with
/// `--sheet` is always read.
public struct QuestionDetector: Sendable {
    public var options: DetectionOptions

    public init(options: DetectionOptions = DetectionOptions()) {
        self.options = options
    }

    /// Scans every selected sheet of a workbook.
    public func detect(in workbook: Workbook) -> QuestionnaireScan {
        var scan = QuestionnaireScan()
        let selected = workbook.sheets.filter { options.sheets.isEmpty || options.sheets.contains($0.name) }
        for name in options.sheets where workbook.sheet(named: name) == nil {
            scan.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: workbook.path), "no sheet named '\(name)'"))
        }
        let references = FormulaReferences(
            sheetNames: workbook.sheets.map(\.name),
            definedNames: workbook.definedNames.map { ($0.name, $0.reference) })
        let dropdownUsers = Self.dropdownSources(workbook, references: references)
        let answerCodes = AnswerTypeCodes(workbook)
        var results: [SheetScanner.Result] = []
        for sheet in selected {
            let explicit = options.sheets.contains(sheet.name)
            if !explicit, let reason = Self.skipReason(sheet, dropdownUsers: dropdownUsers[sheet.name]) {
                results.append(SheetScanner.Result(layout: SheetLayout(sheet: sheet.name, skippedReason: reason)))
                continue
            }
            var result = SheetScanner(workbook: workbook, sheet: sheet, options: options, references: references, answerCodes: answerCodes).scan()
            if explicit, result.derivedFrom != nil {
                // Asked for by name: read it whatever it is derived from.
                var forced = options
                forced.columns = forced.columns ?? Self.overrides(of: result.layout)
                result = SheetScanner(workbook: workbook, sheet: sheet, options: forced, references: references, answerCodes: answerCodes).scan()
            }
            results.append(result)
        }
        // A sheet the used sheets look their question texts up from is their master list.
        var masterFor: [String: [String]] = [:]
        for result in results where result.layout.isUsed {
            for source in result.questionSources.keys.sorted() { masterFor[source, default: []].append(result.layout.sheet) }
        }
        for index in results.indices where results[index].layout.isUsed && !options.sheets.contains(results[index].layout.sheet) {
            guard let users = masterFor[results[index].layout.sheet] else { continue }
            results[index].layout.skippedReason = "master list for \(users.map { "'\($0)'" }.joined(separator: ", "))"
        }
        for var result in results {
            if !result.layout.isUsed {
                result.layout.questionCount = 0
                result.questions = []
                result.diagnostics = []
            }
            scan.layouts.append(result.layout)
            scan.questions += result.questions
            scan.diagnostics += result.diagnostics
        }
        return scan
    }

    /// Sheets that hold the lists other sheets' dropdowns offer, with the sheets that use them.
    private static func dropdownSources(_ workbook: Workbook, references: FormulaReferences) -> [String: [String]] {
        var users: [String: [String]] = [:]
        for sheet in workbook.sheets {
            var targets = Set<String>()
            for validation in sheet.validations where validation.kind == .list {
                targets.formUnion(references.sheets(in: validation.formula))
            }
            for target in targets.sorted() where target != sheet.name { users[target, default: []].append(sheet.name) }
        }
        return users
    }

    /// Why a sheet is skipped before its cells are read, if it is.
    private static func skipReason(_ sheet: Sheet, dropdownUsers: [String]?) -> String? {
        if sheet.visibility != .visible { return "hidden" }
        let name = sheet.name.lowercased()
        if ["changelog", "change log", "change history", "revision history", "version history", "document history", "changes"]
            .contains(where: { name.contains($0) })
        {
            return "changelog"
        }
        if let dropdownUsers { return "dropdown lists for \(dropdownUsers.map { "'\($0)'" }.joined(separator: ", "))" }
        return nil
    }

    /// The columns a scan chose, as overrides, to read a sheet the rules would skip.
    private static func overrides(of layout: SheetLayout) -> ColumnOverrides? {
        guard let question = layout.columns.first(where: { $0.role == .question })?.column else { return nil }
        return ColumnOverrides(
            id: layout.columns.first { $0.role == .id }?.column, question: question,
            answer: layout.columns.first { $0.role == .answer }?.column,
            comments: layout.columns.filter { $0.role == .comment }.map(\.column))
    }
}
