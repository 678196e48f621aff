import Foundation
import KnowledgeBase
import RunStore

/// Renders an ``EvidencePack`` as Markdown; the buyer's and reviewers' text is escaped so it
/// cannot add headings, links or HTML, and only `http(s)` locations become links.
public enum EvidencePackMarkdownRenderer {
    public static func render(_ pack: EvidencePack) -> String {
        var lines = [
            "# \(escape(pack.organisation)): answers to \(escape(pack.questionnaire))", "",
            "Prepared \(escape(pack.run.asOf)). \(pack.groups.reduce(0) { $0 + $1.answers.count }) answers, grouped by framework and control.", "",
            "## Answers", "",
        ]
        if pack.groups.isEmpty { lines += ["No answers have been approved yet.", ""] }
        var framework: String??
        for group in pack.groups {
            if framework != .some(group.frameworkTitle) {
                framework = .some(group.frameworkTitle)
                lines += ["### \(escape(group.frameworkTitle ?? "Other answers"))", ""]
            }
            if let control = group.control {
                lines += ["#### \(escape(control.id))" + (group.title.map { " \(escape($0))" } ?? ""), ""]
            }
            for answer in group.answers {
                lines.append("- **\(escape(answer.reference))** \(escape(answer.question))")
                lines.append("  - \(escape(answer.answer))")
                if !answer.evidence.isEmpty {
                    lines.append("  - Supporting documents: " + answer.evidence.map { escape($0.title) }.joined(separator: "; "))
                }
            }
            lines.append("")
        }
        lines += ["## Supporting documents", ""]
        if pack.evidence.isEmpty { lines += ["None cited.", ""] }
        for item in pack.evidence {
            lines.append("- \(escape(item.title)): " + (item.location.map(MarkdownText.link) ?? "available under NDA"))
        }
        if !pack.evidence.isEmpty { lines.append("") }
        return lines.joined(separator: "\n")
    }

    /// Escapes Markdown syntax, HTML and control characters (``MarkdownText``) and folds line breaks to spaces.
    static func escape(_ text: String) -> String { MarkdownText.escape(text, foldingLines: true) }
}
