import Foundation
import ResponderModel

/// Writes the review report: coverage first, then every question with its draft, citations and
/// flags, the weakest drafts first so a reviewer spends time where it is needed.
enum MarkdownDraftWriter {
    static func render(_ run: DraftRun) -> Data {
        var out: [String] = []
        for file in run.files {
            let summary = file.summary
            out.append("# Review report: \(escape(file.path))")
            out.append("")
            out.append("Knowledge base \(MarkdownText.code(run.kbVersion)), as of \(escape(run.asOf))\(run.systemScope.map { ", scoped to system \(escape($0))" } ?? "").")
            out.append("")
            out.append("## Coverage")
            out.append("")
            out.append("| questions | high confidence | needs review | unanswered |")
            out.append("|---:|---:|---:|---:|")
            out.append("| \(summary.questions) | \(summary.high) | \(summary.needsReview) | \(summary.unanswered) |")
            out.append("")
            if !summary.draftedByFramework.isEmpty {
                out.append("| framework | drafted answers |")
                out.append("|---|---:|")
                for (framework, count) in summary.draftedByFramework.sorted(by: { $0.key < $1.key }) {
                    out.append("| \(escape(run.frameworkTitles[framework] ?? framework.defaultTitle)) (`\(framework.rawValue)`) | \(count) |")
                }
                out.append("")
            }
            let flagCounts = AnswerFlag.allCases.compactMap { flag -> String? in
                let count = file.questions.filter { $0.answer.flags.contains(flag) }.count
                return count > 0 ? "`\(flag.rawValue)` \(count)" : nil
            }
            if !flagCounts.isEmpty {
                out.append("Flags: " + flagCounts.joined(separator: ", ") + ".")
                out.append("")
            }
            for diagnostic in file.diagnostics {
                out.append(
                    "- \(diagnostic.severity.rawValue): \(MarkdownText.escape(diagnostic.location.description, foldingLines: true)) "
                        + escape(diagnostic.message))
            }
            if !file.diagnostics.isEmpty { out.append("") }
            let groups: [(String, (DraftedQuestion) -> Bool)] = [
                ("Unanswered", { $0.answer.text.isEmpty && $0.answer.choice == nil }),
                ("Low confidence", { !($0.answer.text.isEmpty && $0.answer.choice == nil) && $0.answer.confidence == .low }),
                ("Medium confidence", { !($0.answer.text.isEmpty && $0.answer.choice == nil) && $0.answer.confidence == .medium }),
                ("High confidence", { !($0.answer.text.isEmpty && $0.answer.choice == nil) && $0.answer.confidence == .high }),
            ]
            for (title, belongs) in groups {
                let members = file.questions.filter(belongs)
                guard !members.isEmpty else { continue }
                out.append("## \(title) (\(members.count))")
                out.append("")
                for drafted in members { out.append(contentsOf: section(drafted)) }
            }
        }
        return Data((out.joined(separator: "\n") + "\n").utf8)
    }

    private static func section(_ drafted: DraftedQuestion) -> [String] {
        let question = drafted.question
        let answer = drafted.answer
        let label = question.id.isEmpty ? "\(question.sheet) row \(question.row)" : question.id
        var lines = ["### \(MarkdownText.escape(label, foldingLines: true)) · \(MarkdownText.escape(question.sheet, foldingLines: true))!\(question.row)", ""]
        lines.append("> " + escape(question.text).replacingOccurrences(of: "\n", with: "\n> "))
        lines.append("")
        var status = "**\(answer.confidence.rawValue)** (\(String(format: "%.2f", answer.score))), intent \(drafted.intent.rawValue)"
        if let choice = answer.choice { status = "Choice **\(escape(choice))** · " + status }
        lines.append(status)
        lines.append("")
        lines.append(answer.text.isEmpty ? "_No draft: nothing in the knowledge base supports an answer._" : escape(answer.text))
        lines.append("")
        if !answer.citations.isEmpty {
            lines.append("- Citations: " + answer.citations.map { "\($0.kind.rawValue) \(MarkdownText.code($0.reference))" }.joined(separator: ", "))
        }
        if !answer.flags.isEmpty {
            lines.append("- Flags: " + answer.flags.map { "`\($0.rawValue)`" }.joined(separator: " "))
        }
        if let provenance = answer.provenance { lines.append("- Reused: " + escape(provenance)) }
        if !drafted.matches.isEmpty {
            lines.append("- Matches: " + drafted.matches.prefix(3).map { "\(MarkdownText.code($0.ref.description)) \(escape($0.title)) (\(String(format: "%.1f", $0.score)))" }.joined(separator: "; "))
            if let why = drafted.matches.first?.why { lines.append("- Why: " + escape(why)) }
        }
        lines.append("")
        return lines
    }

    /// Keeps buyer and knowledge-base text from turning into Markdown structure, HTML or links.
    private static func escape(_ text: String) -> String { MarkdownText.escape(text) }
}
