import Drafting
import Foundation
import ResponderModel

/// The per-file summary printed after a draft run, with the drafted answers per framework matched.
enum SummaryTable {
    static func render(_ files: [DraftedFile], frameworks: [FrameworkCode]) -> String {
        var rows: [[String]] = [
            ["file", "questions", "high confidence", "needs review", "unanswered"]
                + frameworks.map(\.rawValue) + ["status"]
        ]
        func perFramework(_ summary: DraftSummary) -> [String] {
            frameworks.map { String(summary.draftedByFramework[$0] ?? 0) }
        }
        for file in files {
            let summary = file.summary
            rows.append(
                [
                    file.path, String(summary.questions), String(summary.high), String(summary.needsReview),
                    String(summary.unanswered),
                ] + perFramework(summary) + [file.failure?.summary ?? "ok"])
        }
        let total = DraftSummary(adding: files.map(\.summary))
        rows.append(
            ["total", String(total.questions), String(total.high), String(total.needsReview), String(total.unanswered)]
                + perFramework(total) + [files.contains(where: \.failed) ? "\(files.filter(\.failed).count) failed" : "ok"])
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.enumerated().map { index, row in
            let line = row.enumerated().map { column, cell in
                column == 0
                    ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
            return index == 0 ? line + "\n" + String(repeating: "-", count: line.count) : line
        }.joined(separator: "\n")
    }
}
