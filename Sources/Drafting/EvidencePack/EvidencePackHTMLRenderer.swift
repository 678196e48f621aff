import Foundation
import KnowledgeBase
import RunStore

/// Renders an ``EvidencePack`` as a standalone HTML page; every text is HTML-escaped and only
/// `http(s)` locations become links.
public enum EvidencePackHTMLRenderer {
    public static func render(_ pack: EvidencePack) -> String {
        let run = pack.run
        let coverage = pack.coverage
        let name = escape(URL(fileURLWithPath: run.path).lastPathComponent)
        var lines = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<title>Evidence pack: \(name)</title>", "</head>", "<body>",
            "<h1>Evidence pack: \(name)</h1>",
            "<p>Run \(escape(run.id)), knowledge base \(escape(run.kbVersion)), as of \(escape(run.asOf)).</p>",
            "<h2>Coverage</h2>",
            "<table>",
            "<tr><th>Questions</th><th>Approved</th><th>Edited</th><th>Rejected</th><th>Undecided</th></tr>",
            "<tr><td>\(coverage.questions)</td><td>\(coverage.approved)</td><td>\(coverage.edited)</td>"
                + "<td>\(coverage.rejected)</td><td>\(coverage.undecided)</td></tr>",
            "</table>",
            "<h2>Answers by framework and control</h2>",
        ]
        if pack.groups.isEmpty { lines.append("<p>No approved or edited answers yet.</p>") }
        var framework: String??
        for group in pack.groups {
            if framework != .some(group.frameworkTitle) {
                framework = .some(group.frameworkTitle)
                lines.append("<h3>\(escape(group.frameworkTitle ?? "Not mapped to a control"))</h3>")
            }
            if let control = group.control {
                lines.append("<h4>\(escape(control.description))" + (group.title.map { " " + escape($0) } ?? "") + "</h4>")
            }
            lines.append("<ul>")
            for answer in group.answers {
                var item = "<li><strong>\(escape(answer.key))</strong>: \(escape(answer.question))<br>Answer: "
                if let choice = answer.choice { item += "<strong>\(escape(choice))</strong>" + (answer.text.isEmpty ? "" : ". ") }
                item += escape(answer.text)
                item += "<br>\(answer.status == .approved ? "Approved" : "Edited and approved") by \(escape(answer.reviewer)) on \(escape(answer.decided))"
                if !answer.evidence.isEmpty {
                    item += "<br>Evidence: " + answer.evidence.map { escape($0.title) }.joined(separator: "; ")
                }
                lines.append(item + "</li>")
            }
            lines.append("</ul>")
        }
        lines.append("<h2>Evidence cited</h2>")
        if pack.evidence.isEmpty { lines.append("<p>None.</p>") } else {
            lines.append("<ul>")
            for item in pack.evidence {
                let whereabouts: String
                if let location = item.location {
                    let lowered = location.lowercased()
                    whereabouts = lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
                        ? "<a href=\"\(escape(location))\">\(escape(location))</a>" : escape(location)
                } else {
                    whereabouts = "available under NDA"
                }
                lines.append("<li>\(escape(item.title)): \(whereabouts)</li>")
            }
            lines.append("</ul>")
        }
        lines += ["</body>", "</html>", ""]
        return lines.joined(separator: "\n")
    }

    /// Escapes `& < > " '` for element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
