import Foundation
import ResponderModel
import Spreadsheet

/// Finds the questions of a buyer's workbook: header rows, ID/question/answer columns, sections and
/// follow-ups, with overrides > template > detection.
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
        // Visible sheets first so a hidden master sheet can be recognised as their duplicate.
        var results: [Int: (SheetLayout, [Question], [Diagnostic])] = [:]
        var visibleTexts: [(sheet: String, texts: Set<String>)] = []
        for sheet in selected where sheet.visibility == .visible {
            let result = scanSheet(sheet, in: workbook)
            visibleTexts.append((sheet.name, Set(result.1.map(\.text))))
            results[sheet.index] = result
        }
        let allVisibleTexts = visibleTexts.reduce(into: Set<String>()) { $0.formUnion($1.texts) }
        for sheet in selected where sheet.visibility != .visible {
            var result = scanSheet(sheet, in: workbook)
            let explicitlyAsked = options.sheets.contains(sheet.name)
            if !explicitlyAsked {
                if result.1.isEmpty {
                    result.0.skippedReason = "hidden sheet without questions"
                } else if result.1.allSatisfy({ allVisibleTexts.contains($0.text) }) {
                    let hiddenTexts = Set(result.1.map(\.text))
                    let originals = visibleTexts.filter { !$0.texts.isDisjoint(with: hiddenTexts) }.map { "'\($0.sheet)'" }
                    result.0.skippedReason = "hidden duplicate of \(originals.joined(separator: ", "))"
                    result.2 = [Diagnostic(.note, at: SourceLocation(file: workbook.path, sheet: sheet.name),
                                           "sheet skipped: \(result.0.skippedReason ?? "")")]
                }
                if result.0.skippedReason != nil {
                    result.0.questionCount = 0
                    result.1 = []
                }
            }
            results[sheet.index] = result
        }
        for index in results.keys.sorted() {
            guard let (layout, questions, diagnostics) = results[index] else { continue }
            scan.layouts.append(layout)
            scan.questions += questions
            scan.diagnostics += diagnostics
        }
        return scan
    }

    // MARK: - One sheet

    private func location(_ workbook: Workbook, _ sheet: Sheet, row: Int, column: Int) -> SourceLocation {
        workbook.format == .csv
            ? SourceLocation(file: workbook.path, line: row)
            : SourceLocation(file: workbook.path, sheet: sheet.name, cell: CellAddress(row: row, column: column).description)
    }

    private func scanSheet(_ sheet: Sheet, in workbook: Workbook) -> (SheetLayout, [Question], [Diagnostic]) {
        var layout = SheetLayout(sheet: sheet.name)
        var diagnostics: [Diagnostic] = []
        let headerRows: Set<Int>
        if let overrides = options.columns {
            let header = HeaderFinder.find(in: sheet)
            layout.headerRow = header?.row
            layout.columns = Self.columns(from: overrides, source: .override)
            headerRows = header?.allRows ?? []
        } else if let template = options.templates.first(where: { $0.matches(sheet) }), let overrides = try? template.overrides() {
            layout.headerRow = template.headerRow
            layout.template = template.name
            layout.columns = Self.columns(from: overrides, source: .template)
            headerRows = HeaderFinder.find(in: sheet)?.allRows ?? [template.headerRow]
        } else if let header = HeaderFinder.find(in: sheet) {
            layout.headerRow = header.row
            layout.columns = header.columns
            headerRows = header.allRows
            if !layout.columns.contains(where: { $0.role == .question }), let column = ContentInference.questionColumn(in: sheet, after: header.row) {
                layout.columns.append(DetectedColumn(column: column, role: .question, source: .content))
            }
        } else {
            layout.columns = ContentInference.columns(in: sheet)
            headerRows = []
        }
        if let header = layout.headerRow {
            // Overrides and templates name columns by letter; keep the header's words as labels.
            for index in layout.columns.indices where layout.columns[index].label == nil {
                let label = TextCleaner.clean(sheet.displayedValue(at: CellAddress(row: header, column: layout.columns[index].column)).displayText).text
                layout.columns[index].label = label.isEmpty ? nil : label
            }
        }
        layout.columns.sort { $0.column < $1.column }
        guard let questionColumn = layout.columns.first(where: { $0.role == .question })?.column else {
            return (layout, [], diagnostics)
        }
        // Answer columns from protection/validation when the header named none.
        if layout.columns(.answer).isEmpty && layout.columns(.comment).isEmpty {
            layout.columns += ContentInference.answerColumns(in: sheet, excluding: Set(layout.columns.map(\.column)), after: layout.headerRow ?? 0)
            layout.columns.sort { $0.column < $1.column }
        }
        // A sheet with no header, no IDs and nowhere to answer is a cover or instructions page:
        // its paragraphs are not questions.
        if layout.headerRow == nil, layout.columns.allSatisfy({ $0.source == .content }),
           !layout.columns.contains(where: { $0.role != .question }) {
            layout.skippedReason = "no header, question IDs or answer cells (cover or instructions sheet)"
            return (layout, [], diagnostics)
        }
        let idColumn = layout.columns.first { $0.role == .id }?.column
        let questionLabel = layout.columns.first { $0.role == .question }?.label
        let firstRow = layout.headerRow.map { $0 + 1 } ?? 1
        var questions: [Question] = []
        var section: String?
        var lastParent: Int?
        var warnedNoDropdown = Set<Int>()
        for row in sheet.rows where row.number >= firstRow && !headerRows.contains(row.number) {
            let address = CellAddress(row: row.number, column: questionColumn)
            // A horizontal merge across the question column is a section title, not a question.
            if let merge = sheet.merge(covering: address), merge.start.column < merge.end.column {
                let title = TextCleaner.clean(sheet.displayedValue(at: address).displayText).text
                if !title.isEmpty && !TextCleaner.isSentinel(title) { section = title }
                continue
            }
            let rawText = sheet.displayedValue(at: address).displayText
            let rawID = idColumn.map { sheet.displayedValue(at: CellAddress(row: row.number, column: $0)).displayText } ?? ""
            let id = rawID.trimmingCharacters(in: .whitespacesAndNewlines)
            var (text, critical) = TextCleaner.clean(rawText)
            if text.isEmpty {
                // A domain separator written in the ID column or a merged title row.
                let first = row.cells.first.map { TextCleaner.clean($0.value.displayText).text } ?? ""
                if !first.isEmpty && !TextCleaner.isSentinel(first) && row.cells.count == 1 { section = first }
                continue
            }
            if TextCleaner.isSentinel(text) { continue }
            // A header repeated for a section (its signature may differ slightly from the first one).
            if let label = questionLabel, text.caseInsensitiveCompare(label) == .orderedSame { continue }
            let isFollowUp = TextCleaner.isFollowUp(text)
            if id.isEmpty && !isFollowUp && (Self.looksLikeSection(text, row: row, questionColumn: questionColumn, hasIDColumn: idColumn != nil)) {
                section = text
                continue
            }
            if id.isEmpty && idColumn == nil && !isFollowUp && Self.looksLikeInstruction(text) { continue }
            if text.hasSuffix("*") { critical = true; text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
            var cells: [AnswerCell] = []
            for column in layout.columns where column.role == .answer || column.role == .comment {
                let cellAddress = CellAddress(row: row.number, column: column.column)
                let letters = CellAddress.columnLetters(column.column)
                if column.role == .answer {
                    let allowed = sheet.listValidation(at: cellAddress)?.allowedValues
                    if allowed == nil && !warnedNoDropdown.contains(column.column) && workbook.format == .xlsx {
                        warnedNoDropdown.insert(column.column)
                        diagnostics.append(Diagnostic(.warning, at: location(workbook, sheet, row: row.number, column: column.column),
                                                      "answer column has no dropdown"))
                    }
                    cells.append(AnswerCell(column: letters, kind: .choice, allowed: allowed, label: column.label))
                } else {
                    cells.append(AnswerCell(column: letters, kind: .text, label: column.label))
                }
            }
            let parent = isFollowUp ? lastParent : nil
            if !isFollowUp { lastParent = row.number }
            if id.isEmpty && idColumn != nil && !isFollowUp {
                diagnostics.append(Diagnostic(.note, at: location(workbook, sheet, row: row.number, column: idColumn ?? 1), "question without ID"))
            }
            questions.append(Question(id: id, sheet: sheet.name, row: row.number, text: text, section: section,
                                      answerCells: cells, parentRow: parent, isCritical: critical))
        }
        layout.questionCount = questions.count
        return (layout, questions, diagnostics)
    }

    private static func columns(from overrides: ColumnOverrides, source: ColumnSource) -> [DetectedColumn] {
        var columns: [DetectedColumn] = []
        if let id = overrides.id { columns.append(DetectedColumn(column: id, role: .id, source: source)) }
        if let question = overrides.question { columns.append(DetectedColumn(column: question, role: .question, source: source)) }
        if let answer = overrides.answer { columns.append(DetectedColumn(column: answer, role: .answer, source: source)) }
        columns += overrides.comments.map { DetectedColumn(column: $0, role: .comment, source: source) }
        return columns
    }

    /// A row with only a short text and no ID is a heading, not a question.
    private static func looksLikeSection(_ text: String, row: SheetRow, questionColumn: Int, hasIDColumn: Bool) -> Bool {
        guard !text.contains("?"), text.count <= 80, !text.contains("\n") else { return false }
        let others = row.cells.filter { $0.address.column != questionColumn && !$0.value.isEmpty }
        guard others.isEmpty else { return false }
        if hasIDColumn { return !TextCleaner.isRequest(text) }
        return !TextCleaner.isRequest(text) && !text.hasSuffix(".")
    }

    /// Long explanatory paragraphs ("Please complete ...", "Instructions: ...") above the questions.
    private static func looksLikeInstruction(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("instructions") || lower.hasPrefix("please complete") || lower.hasPrefix("note:")
    }
}
