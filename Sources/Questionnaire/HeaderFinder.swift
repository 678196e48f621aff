import Foundation
import Spreadsheet

/// Finds a sheet's header row by its labels, anywhere in the sheet.
///
/// A header row holds only short labels (no `?`, no long cell, no ID, no Yes/No value). Two stacked
/// label rows whose labels sit in different columns (`Question` in C3, `Answer` in D4) make one
/// header. A lone answer label (`Answer`) is a header too; the question column is then found from
/// content. Rows further down that repeat the labels are section rows, not data.
enum HeaderFinder {
    struct Header: Sendable {
        /// The header row (the lower row of two stacked label rows).
        var row: Int
        /// Labelled columns with their roles; several may claim the question role.
        var columns: [DetectedColumn]
        /// The header row and a stacked label row above it.
        var labelRows: Set<Int>
        /// Every label in the header, by column, lower-cased, for recognising repeats.
        var labels: [Int: String]
    }

    /// A header label that names a column's role, as written.
    private struct RoleLabel {
        var role: ColumnRole
        var label: String
    }

    private struct Candidate {
        var row: Int
        var roles: [Int: RoleLabel]
        var labelRows: Set<Int>
        var score: Int { Set(roles.values.map(\.role)).count }
    }

    /// The labels of a row that is made only of labels, by column; nil when any cell is not a label.
    private static func labelRow(_ row: SheetRow) -> [Int: String]? {
        var labels: [Int: String] = [:]
        for cell in row.cells where !cell.value.isEmpty {
            let text = cell.value.displayText
            // Cheap rejections first: data rows hold long text.
            guard text.utf8.count <= 120, HeaderLabel.isLabelLike(text) else { return nil }
            if case .text = cell.value {} else { return nil }
            labels[cell.address.column] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return labels.isEmpty ? nil : labels
    }

    static func find(in sheet: Sheet) -> Header? {
        var best: Candidate?
        var previous: (number: Int, labels: [Int: String])?
        for row in sheet.rows {
            guard let labels = labelRow(row) else { previous = nil; continue }
            var roles: [Int: RoleLabel] = [:]
            for (column, text) in labels {
                if let role = HeaderLabel.role(of: text) { roles[column] = RoleLabel(role: role, label: text) }
            }
            var candidate = Candidate(row: row.number, roles: roles, labelRows: [row.number])
            // Two stacked label rows with labels in different columns are one header.
            if let above = previous, above.number == row.number - 1 {
                var merged = candidate
                for (column, text) in above.labels where merged.roles[column] == nil {
                    if let role = HeaderLabel.role(of: text) { merged.roles[column] = RoleLabel(role: role, label: text) }
                }
                if merged.score > candidate.score {
                    merged.labelRows.insert(above.number)
                    candidate = merged
                } else if !above.labels.isEmpty {
                    // A group row above a field header (`Question | | Response`) belongs to it.
                    candidate.labelRows.insert(above.number)
                }
            }
            previous = (row.number, labels)
            let named = Set(candidate.roles.values.map(\.role))
            guard named.contains(.question) || named.contains(.answer) else { continue }
            if let current = best, candidate.score <= current.score { continue }
            best = candidate
        }
        guard var best else { return nil }
        // A header repeated before every block: the first copy opens the first block.
        let bestLabels = Dictionary(best.roles.map { ($0.key, $0.value.label.lowercased()) }) { first, _ in first }
        if let first = sheet.rows.first(where: { $0.number < best.row && labelRow($0) != nil && repeatsLabels(bestLabels, in: $0) }) {
            best.row = first.number
            best.labelRows = [first.number]
        }
        var columns: [DetectedColumn] = []
        for (column, named) in best.roles.sorted(by: { $0.key < $1.key }) {
            if named.role == .id && columns.contains(where: { $0.role == .id }) { continue }
            columns.append(DetectedColumn(column: column, role: named.role, source: .header, label: TextCleaner.clean(named.label).text))
        }
        var labels: [Int: String] = [:]
        for (column, named) in best.roles { labels[column] = named.label.lowercased() }
        return Header(row: best.row, columns: columns, labelRows: best.labelRows, labels: labels)
    }

    /// Whether a row repeats the header's labels (a section's own copy of the header), and the
    /// title it carries in its other cells, if any.
    static func repeats(_ header: Header, in row: SheetRow) -> (isRepeat: Bool, title: String?) {
        guard repeatsLabels(header.labels, in: row) else { return (false, nil) }
        let title = row.cells.first { !$0.value.isEmpty && !matches(header.labels[$0.address.column], $0) }
        return (true, title.map { TextCleaner.clean($0.value.displayText).text })
    }

    /// Whether a cell holds `label` (lower-cased), ignoring case and surrounding space; long cells
    /// are rejected by length before any string work.
    private static func matches(_ label: String?, _ cell: Cell) -> Bool {
        guard let label, case .text(let text) = cell.value else { return false }
        let count = text.utf8.count, wanted = label.utf8.count
        guard count >= wanted, count <= wanted + 8 else { return false }
        let trimmed = TextCleaner.trimmed(text)
        return trimmed.utf8.count == wanted && trimmed.lowercased() == label
    }

    /// Whether a row holds at least two of the labels (one, for a one-label header) in their columns.
    private static func repeatsLabels(_ labels: [Int: String], in row: SheetRow) -> Bool {
        guard !labels.isEmpty else { return false }
        var matched = 0
        for (column, label) in labels {
            if let cell = row.cell(inColumn: column), matches(label, cell) { matched += 1 }
        }
        return matched >= min(2, labels.count)
    }
}

extension HeaderFinder {
    /// The header a template names by row: the row's labels with the template's columns.
    static func header(atRow number: Int, in sheet: Sheet) -> Header {
        var labels: [Int: String] = [:]
        for cell in sheet.row(number)?.cells ?? [] where !cell.value.isEmpty {
            labels[cell.address.column] = cell.value.displayText.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        }
        return Header(row: number, columns: [], labelRows: [number], labels: labels)
    }
}
