import Foundation
import ResponderModel
import Spreadsheet

/// Reads one sheet: decides its header and columns (overrides > template > labels and content),
/// then takes its question rows, leaving out titles, repeated headers, instructions and echoes.
struct SheetScanner {
    let workbook: Workbook
    let sheet: Sheet
    let options: DetectionOptions
    let references: FormulaReferences
    let answerCodes: AnswerTypeCodes

    /// What the scan found, with what the workbook-level rules need to judge the sheet.
    struct Result {
        var layout: SheetLayout
        var questions: [Question] = []
        var diagnostics: [Diagnostic] = []
        /// The sheet this one copies its IDs or answers from by formula, when it does for most rows.
        var derivedFrom: String?
        /// Sheets the question texts are looked up from (master lists), with how many rows do so.
        var questionSources: [String: Int] = [:]
    }

    /// The chosen columns and where the header sits.
    private struct Columns {
        var header: HeaderFinder.Header?
        var question: Int
        var id: Int?
        /// Answer-role columns first, then comment columns, each left to right.
        var answers: [DetectedColumn]
    }

    func scan() -> Result {
        var layout = SheetLayout(sheet: sheet.name)
        let merges = MergeIndex(sheet)
        let found = HeaderFinder.find(in: sheet)
        var header = found
        var columns: [DetectedColumn]
        if let overrides = options.columns {
            columns = Self.columns(from: overrides, source: .override)
        } else if let (template, row) = options.templates.lazy.compactMap({ template in template.header(in: sheet).map { (template, $0) } }).first,
            let overrides = try? template.overrides()
        {
            layout.template = template.name
            if found?.row != row { header = HeaderFinder.header(atRow: row, in: sheet) }
            columns = Self.columns(from: overrides, source: .template)
        } else {
            columns = chooseColumns(header: found, merges: merges)
        }
        layout.headerRow = header?.row
        if let row = header?.row {
            // Overrides and templates name columns by letter; keep the header's words as labels.
            for index in columns.indices where columns[index].label == nil && columns[index].source != .content {
                // Only a label naming the column's own role: a block title in the ID column is not its label.
                let label = TextCleaner.clean(sheet.cell(at: CellAddress(row: row, column: columns[index].column))?.value.displayText ?? "").text
                columns[index].label = HeaderLabel.role(of: label) == columns[index].role ? label : nil
            }
        }
        columns.sort { $0.column < $1.column }
        layout.columns = columns
        guard let question = columns.first(where: { $0.role == .question })?.column else {
            if let source = formulaSource() {
                layout.skippedReason = "derived from '\(source)'"
                return Result(layout: layout, derivedFrom: source)
            }
            layout.skippedReason = "no question column"
            return Result(layout: layout)
        }
        // A sheet with no header, no IDs and nowhere to answer is a cover or instructions page.
        if header == nil, columns.allSatisfy({ $0.source == .content }), !columns.contains(where: { $0.role != .question }) {
            layout.skippedReason = "no header, question IDs or answer cells (cover or instructions sheet)"
            return Result(layout: layout)
        }
        let answerColumns = columns.filter { $0.role == .answer } + columns.filter { $0.role == .comment }
        let chosen = Columns(header: header, question: question, id: columns.first { $0.role == .id }?.column, answers: answerColumns)
        var result = Result(layout: layout)
        if options.columns == nil, let source = derivedSource(chosen, merges: merges) {
            result.derivedFrom = source
            result.layout.skippedReason = "derived from '\(source)'"
            return result
        }
        readRows(chosen, merges: merges, into: &result)
        if result.questions.isEmpty { result.layout.skippedReason = "no questions found" }
        return result
    }

    /// The sheet this sheet's figures are computed from, when most of its formulas and numbers
    /// are formulas into other sheets (a summary or report; its literal text is titles and labels).
    private func formulaSource() -> String? {
        var filled = 0
        var sources: [String: Int] = [:]
        var copied = 0
        for row in sheet.rows {
            for cell in row.cells {
                if case .text = cell.value, cell.formula == nil { continue }
                guard let formula = cell.formula else {
                    if !cell.value.isEmpty { filled += 1 }
                    continue
                }
                filled += 1
                let targets = references.sheets(in: formula).filter { $0 != sheet.name }
                if !targets.isEmpty { copied += 1 }
                for target in targets { sources[target, default: 0] += 1 }
            }
        }
        guard filled > 0, copied * 2 > filled else { return nil }
        return sources.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    // MARK: - Columns

    private static func columns(from overrides: ColumnOverrides, source: ColumnSource) -> [DetectedColumn] {
        var columns: [DetectedColumn] = []
        if let id = overrides.id { columns.append(DetectedColumn(column: id, role: .id, source: source)) }
        if let question = overrides.question { columns.append(DetectedColumn(column: question, role: .question, source: source)) }
        if let answer = overrides.answer {
            columns.append(DetectedColumn(column: answer, role: .answer, source: source, kind: overrides.answerKind))
        }
        columns += overrides.comments.map { DetectedColumn(column: $0, role: .comment, source: source) }
        return columns
    }

    /// Labels propose, content decides: a labelled question column must hold distinct questions,
    /// an ID column is found from ID-shaped values when no label names it, and answer columns sit
    /// right of the questions and are not formulas.
    private func chooseColumns(header: HeaderFinder.Header?, merges: MergeIndex) -> [DetectedColumn] {
        let labelled = header?.columns ?? []
        let stats = ContentInference.stats(in: sheet, after: header?.row)
        let firstAnswer = labelled.filter { $0.role == .answer }.map(\.column).min()
        let taken = Set(labelled.filter { $0.role != .question }.map(\.column))
        // Unlabelled columns first; a column labelled for comments left of the answers when none reads as questions.
        let commentColumns = Set(labelled.filter { $0.role == .comment }.map(\.column))
        let fromContent =
            ContentInference.questionColumn(stats) { column in
                !taken.contains(column) && column < (firstAnswer ?? Int.max)
            }
            ?? ContentInference.questionColumn(stats) { column in
                commentColumns.contains(column) && column < (firstAnswer ?? Int.max)
            }
        let contentScore = fromContent.flatMap { stats[$0]?.questionScore } ?? 0
        var question: DetectedColumn?
        let candidates = labelled.filter { $0.role == .question && $0.column < (firstAnswer ?? Int.max) }
        if let best = candidates.max(by: { (stats[$0.column]?.questionScore ?? 0, -$0.column) < (stats[$1.column]?.questionScore ?? 0, -$1.column) }),
            Self.labelFits(stats[best.column] ?? ContentInference.ColumnStats(), against: contentScore)
        {
            question = best
        } else if let fromContent {
            question = DetectedColumn(column: fromContent, role: .question, source: .content)
        }
        guard let question else { return labelled.filter { $0.role != .question } }
        var columns = [question]
        if let id = labelled.first(where: { $0.role == .id && $0.column != question.column }) {
            columns.append(id)
        } else if let id = ContentInference.idColumn(
            in: sheet, questionColumn: question.column, from: (header?.row ?? 0) + 1,
            excluding: Set(labelled.filter { $0.role == .answer || $0.role == .comment }.map(\.column))),
            id < question.column
        {
            columns.append(DetectedColumn(column: id, role: .id, source: .content))
        }
        var answers = labelled.filter { ($0.role == .answer || $0.role == .comment) && $0.column > question.column }
        if answers.isEmpty {
            answers = ContentInference.answerColumns(
                in: sheet, after: question.column, excluding: Set(columns.map(\.column)),
                after: header?.row ?? 0)
        }
        // A column computed for every question (an analyst's lookup) is not for the vendor to fill;
        // the first answer column is judged by the derived-sheet rule instead.
        let primary = answers.first { $0.role == .answer }?.column ?? answers.first?.column
        answers.removeAll { $0.column != primary && formulaShare(column: $0.column, questionColumn: question.column, after: header?.row) >= 0.8 }
        return columns + answers
    }

    /// A labelled question column is kept when its content is at least half as question-like as
    /// the best unlabelled column, or when no column reads as questions and it holds text, not IDs.
    private static func labelFits(_ stats: ContentInference.ColumnStats, against contentScore: Int) -> Bool {
        if stats.questionScore > 0 { return stats.questionScore * 2 >= contentScore }
        return contentScore == 0 && stats.filled > stats.ids
    }

    /// The share of question rows whose cell in `column` holds a formula.
    private func formulaShare(column: Int, questionColumn: Int, after headerRow: Int?) -> Double {
        var rows = 0
        var formulas = 0
        for row in sheet.rows where row.number > (headerRow ?? 0) {
            guard rows < ContentInference.sampleRows else { break }
            guard let question = row.cell(inColumn: questionColumn), !question.value.isEmpty else { continue }
            rows += 1
            if row.cell(inColumn: column)?.formula != nil { formulas += 1 }
        }
        return rows == 0 ? 0 : Double(formulas) / Double(rows)
    }

    /// The sheet this one is computed from: most of its IDs or answers are formulas into another
    /// sheet (an analyst's evaluation, a report, a crosswalk), or it looks its questions up and has
    /// nowhere to answer them.
    private func derivedSource(_ columns: Columns, merges: MergeIndex) -> String? {
        var rows = 0
        var idFormulas = 0
        var answerFormulas = 0
        var questionFormulas = 0
        var sources: [String: Int] = [:]
        let primary = columns.answers.first?.column
        for row in sheet.rows where row.number > (columns.header?.row ?? 0) {
            guard rows < ContentInference.sampleRows else { break }
            guard let question = row.cell(inColumn: columns.question), !question.value.isEmpty else { continue }
            rows += 1
            for (column, counter) in [(columns.id, 0), (primary, 1), (columns.question, 2)] {
                guard let column, let formula = row.cell(inColumn: column)?.formula else { continue }
                let targets = references.sheets(in: formula).filter { $0 != sheet.name }
                switch counter {
                case 0: idFormulas += 1
                case 1: answerFormulas += 1
                default: if !targets.isEmpty { questionFormulas += 1 }
                }
                // Name the sheet the IDs and answers come from; the question text's master list only
                // when nothing else is copied.
                for target in targets { sources[target, default: 0] += counter == 2 ? 1 : 1_000 }
            }
        }
        guard rows > 0 else { return nil }
        let mostly = { (count: Int) in count * 2 > rows }
        guard mostly(idFormulas) || mostly(answerFormulas) || columns.answers.isEmpty && mostly(questionFormulas) else { return nil }
        return sources.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? sheet.name
    }

    // MARK: - Rows

    private func location(row: Int, column: Int) -> SourceLocation {
        workbook.format == .csv
            ? SourceLocation(file: workbook.path, line: row)
            : SourceLocation(file: workbook.path, sheet: sheet.name, cell: CellAddress(row: row, column: column).description)
    }

    private func readRows(_ columns: Columns, merges: MergeIndex, into result: inout Result) {
        let labelRows = columns.header?.labelRows ?? []
        let headerRow = columns.header?.row
        let questionLabel = result.layout.columns.first { $0.role == .question }?.label
        let primary = columns.answers.first?.column
        var section: String?
        var lastParent: Int?
        var notedNoDropdown = Set<Int>()
        // Each row's following ID, to recognise numbered headings.
        var nextIDs: [Int: String] = [:]
        if let idColumn = columns.id {
            var following: String?
            for row in sheet.rows.reversed() {
                if following != nil { nextIDs[row.number] = following }
                let id = TextCleaner.trimmed(row.cell(inColumn: idColumn)?.value.displayText ?? "")
                if !id.isEmpty { following = id }
            }
        }
        // Terse questions ("DPIA") count only beside real ones: a column of single words is a list of
        // keys or types (a library's metadata sheet), not a questionnaire.
        var hasSentence = false
        let labelValues = Dictionary(columns.answers.map { ($0.column, $0.label.flatMap(HeaderLabel.valuesNamed)) }) { first, _ in first }
        let hasValidations = !sheet.validations.isEmpty
        let letters = Dictionary(columns.answers.map { ($0.column, CellAddress.columnLetters($0.column)) }) { first, _ in first }
        for row in sheet.rows where !labelRows.contains(row.number) {
            let belowHeader = headerRow.map { row.number > $0 } ?? true
            if let header = columns.header, belowHeader {
                let repeated = HeaderFinder.repeats(header, in: row)
                if repeated.isRepeat {
                    if let title = repeated.title, !title.isEmpty, !TextCleaner.isSentinel(title) { section = title }
                    result.layout.sectionCount += 1
                    continue
                }
            }
            let address = CellAddress(row: row.number, column: columns.question)
            // A horizontal merge across the question column is a section title, not a question.
            if let merge = merges.range(covering: address), merge.start.column < merge.end.column {
                guard belowHeader || columns.header == nil else { continue }
                let title = TextCleaner.clean(merges.displayedValue(at: address, in: sheet, row: row).displayText).text
                if !title.isEmpty && !TextCleaner.isSentinel(title) {
                    section = title
                    result.layout.sectionCount += 1
                }
                continue
            }
            let value = merges.displayedValue(at: address, in: sheet, row: row)
            if case .error = value { continue }
            let rawID = columns.id.map { row.cell(inColumn: $0)?.value.displayText ?? "" } ?? ""
            let id = TextCleaner.trimmed(rawID)
            // Above the header only rows with their own ID are questions (HECVAT's opening block).
            if !belowHeader && !QuestionIDPattern.matches(id) { continue }
            var (text, critical) = TextCleaner.clean(value.displayText)
            if text.isEmpty {
                // A domain separator written in the ID column or a one-cell title row.
                let first = row.cells.first.map { TextCleaner.clean($0.value.displayText).text } ?? ""
                if !first.isEmpty && !TextCleaner.isSentinel(first) && row.cells.count == 1 {
                    section = first
                    result.layout.sectionCount += 1
                }
                continue
            }
            if TextCleaner.isSentinel(text) { continue }
            if text.utf8.contains(0x20) || text.utf8.contains(0x0A) || text.utf8.contains(UInt8(ascii: "?")) { hasSentence = true }
            if let label = questionLabel, text.utf8.count == label.utf8.count, text.caseInsensitiveCompare(label) == .orderedSame { continue }
            // A row with its own ID is never a follow-up.
            let isFollowUp = id.isEmpty && TextCleaner.isFollowUp(text)
            if id.isEmpty && !isFollowUp {
                if TextCleaner.isInstruction(text) {
                    result.layout.instructionCount += 1
                    continue
                }
                if Self.looksLikeSection(text, row: row, questionColumn: columns.question, hasIDColumn: columns.id != nil) {
                    section = text
                    result.layout.sectionCount += 1
                    continue
                }
            }
            // A numbered heading ("2 | Artificial Intelligence") whose number the next IDs extend (2.1, 2.2).
            if !id.isEmpty, let next = nextIDs[row.number], next.hasPrefix(id + ".") || next.hasPrefix(id + "-"),
                Self.looksLikeSection(text, row: row, questionColumn: columns.question, hasIDColumn: false, besides: [columns.id])
            {
                section = text
                result.layout.sectionCount += 1
                continue
            }
            // The answer pulled in by formula from another sheet: this row echoes that sheet's question.
            if let primary, row.cell(inColumn: primary)?.formula != nil {
                result.layout.echoCount += 1
                continue
            }
            if let formula = row.cell(inColumn: columns.question)?.formula {
                for target in references.sheets(in: formula) where target != sheet.name { result.questionSources[target, default: 0] += 1 }
            }
            if text.hasSuffix("*") { critical = true; text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
            var cells: [AnswerCell] = []
            for column in columns.answers {
                let cellAddress = CellAddress(row: row.number, column: column.column)
                // A cell hidden inside a merge that starts elsewhere cannot take an answer.
                if let merge = merges.range(covering: cellAddress), merge.start != cellAddress { continue }
                let validation = hasValidations ? sheet.listValidation(at: cellAddress) : nil
                var allowed = validation?.allowedValues
                let hasDropdown = validation != nil
                var kind = column.kind ?? (hasDropdown ? .choice : .text)
                // A label that spells out the values ("Yes/No", "Y/N/NA") constrains the cell like a dropdown.
                if column.kind == nil, !hasDropdown, let values = labelValues[column.column] ?? nil {
                    kind = .choice
                    allowed = values
                }
                // An answer-type code in the cell (`RESP01`) names its options on a code sheet.
                if column.kind == nil, !hasDropdown, kind == .text, let coded = answerCodes.answer(for: row.cell(inColumn: column.column)?.value.displayText ?? "") {
                    kind = coded.kind
                    allowed = coded.allowed
                }
                if column.role == .answer && kind == .text && column.kind == nil && workbook.format == .xlsx
                    && !notedNoDropdown.contains(column.column)
                {
                    notedNoDropdown.insert(column.column)
                    result.diagnostics.append(
                        Diagnostic(
                            .note, at: location(row: row.number, column: column.column),
                            "answer column has no dropdown: answers are written as text"))
                }
                cells.append(
                    AnswerCell(
                        column: letters[column.column] ?? CellAddress.columnLetters(column.column), kind: kind,
                        allowed: kind == .choice ? allowed : nil, label: column.label))
            }
            let parent = isFollowUp ? lastParent : nil
            if !isFollowUp { lastParent = row.number }
            if id.isEmpty && columns.id != nil && !isFollowUp {
                result.diagnostics.append(Diagnostic(.note, at: location(row: row.number, column: columns.id ?? 1), "question without ID"))
            }
            result.questions.append(
                Question(
                    id: id, sheet: sheet.name, row: row.number, text: text, section: section,
                    answerCells: cells, parentRow: parent, isCritical: critical))
        }
        if !hasSentence {
            result.questions = []
            result.diagnostics = []
        }
        result.layout.questionCount = result.questions.count
    }

    /// A row with only a short text and no ID is a heading, not a question.
    private static func looksLikeSection(
        _ text: String, row: SheetRow, questionColumn: Int, hasIDColumn: Bool,
        besides: [Int?] = []
    ) -> Bool {
        guard !text.contains("?"), text.count <= 80, !text.contains("\n") else { return false }
        let ignored = Set(besides.compactMap { $0 } + [questionColumn])
        let others = row.cells.filter { !ignored.contains($0.address.column) && !$0.value.isEmpty }
        guard others.isEmpty else { return false }
        if hasIDColumn { return !TextCleaner.isRequest(text) }
        return !TextCleaner.isRequest(text) && !text.hasSuffix(".")
    }
}
