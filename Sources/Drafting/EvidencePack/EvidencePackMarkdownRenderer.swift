import Foundation
import KnowledgeBase
import RunStore

/// Renders an ``EvidencePack`` as Markdown; the buyer's and reviewers' text is escaped so it
/// cannot add headings, links or HTML.
public enum EvidencePackMarkdownRenderer {
    public static func render(_ pack: EvidencePack) -> String {
        let run = pack.run
        let coverage = pack.coverage
        var lines = [
            "# Evidence pack: \(escape(URL(fileURLWithPath: run.path).lastPathComponent))", "",
            "Run \(run.id), knowledge base \(run.kbVersion), as of \(run.asOf).", "",
            "## Coverage", "",
            "| Questions | Approved | Edited | Rejected | Undecided |",
            "|---:|---:|---:|---:|---:|",
            "| \(coverage.questions) | \(coverage.approved) | \(coverage.edited) | \(coverage.rejected) | \(coverage.undecided) |", "",
            "## Answers by framework and control", "",
        ]
        if pack.groups.isEmpty { lines += ["No approved or edited answers yet.", ""] }
        var framework: String??
        for group in pack.groups {
            if framework != .some(group.frameworkTitle) {
                framework = .some(group.frameworkTitle)
                lines += ["### \(escape(group.frameworkTitle ?? "Not mapped to a control"))", ""]
            }
            if let control = group.control {
                lines += ["#### \(escape(control.description))" + (group.title.map { " \(escape($0))" } ?? ""), ""]
            }
            for answer in group.answers {
                lines.append("- **\(escape(answer.key))**: \(escape(answer.question))")
                let choice = answer.choice.map { "**\(escape($0))**" + (answer.text.isEmpty ? "" : ". ") } ?? ""
                lines.append("  - Answer: \(choice)\(escape(answer.text))")
                lines.append("  - \(answer.status == .approved ? "Approved" : "Edited and approved") by \(escape(answer.reviewer)) on \(answer.decided)")
                if !answer.evidence.isEmpty {
                    lines.append("  - Evidence: " + answer.evidence.map { escape($0.title) }.joined(separator: "; "))
                }
            }
            lines.append("")
        }
        lines += ["## Evidence cited", ""]
        if pack.evidence.isEmpty { lines += ["None.", ""] }
        for item in pack.evidence {
            lines.append("- \(escape(item.title)): " + (item.location.map { "<\(escapeLocation($0))>" } ?? "available under NDA"))
        }
        if !pack.evidence.isEmpty { lines.append("") }
        return lines.joined(separator: "\n")
    }

    /// Backslash-escapes Markdown punctuation and folds line breaks to spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isNewline { out.append(" ") }
            else if "\\`*_[]<>#|~".contains(character) { out += "\\\(character)" }
            else { out.append(character) }
        }
        return out
    }

    private static func escapeLocation(_ location: String) -> String {
        location.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
            .replacingOccurrences(of: " ", with: "%20")
    }
}
