import Foundation
import KnowledgeBase
import RunStore

/// Renders an ``EvidencePack`` as one self-contained HTML page (its stylesheet inline, nothing
/// fetched) that reads well on screen and prints to clean pages; every text is HTML-escaped and
/// only `http(s)` locations become links.
public enum EvidencePackHTMLRenderer {
    /// Screen and print styles: answers never split across pages, links print their address.
    static let stylesheet = """
        body { font: 11pt/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2433; max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; }
        h2 { font-size: 1.25rem; border-bottom: 2px solid #d5dae3; padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1.1rem; color: #2f4a7a; margin-top: 1.6rem; }
        h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
        .meta { color: #5b6475; margin-top: 0; }
        .answer { border-left: 3px solid #d5dae3; padding: .2rem 0 .2rem .8rem; margin: .6rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
        .question { font-weight: 600; margin: 0 0 .3rem; }
        .reference { color: #5b6475; font-weight: 400; }
        .text { margin: 0 0 .3rem; white-space: pre-line; }
        .evidence { color: #5b6475; font-size: .92rem; margin: 0; }
        ul.documents li { margin-bottom: .3rem; }
        a { color: #2f4a7a; }
        @page { margin: 18mm 16mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
          h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
          a[href]::after { content: " (" attr(href) ")"; font-size: .85em; color: #5b6475; }
        }
        """

    public static func render(_ pack: EvidencePack) -> String {
        let title = "\(escape(pack.organisation)): answers to \(escape(pack.questionnaire))"
        var lines = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(title)</title>", "<style>", stylesheet, "</style>", "</head>", "<body>",
            "<h1>\(title)</h1>",
            "<p class=\"meta\">Prepared \(escape(pack.run.asOf)). "
                + "\(pack.groups.reduce(0) { $0 + $1.answers.count }) answers, grouped by framework and control.</p>",
            "<h2>Answers</h2>",
        ]
        if pack.groups.isEmpty { lines.append("<p>No answers have been approved yet.</p>") }
        var framework: String??
        for group in pack.groups {
            if framework != .some(group.frameworkTitle) {
                framework = .some(group.frameworkTitle)
                lines.append("<h3>\(escape(group.frameworkTitle ?? "Other answers"))</h3>")
            }
            if let control = group.control {
                lines.append("<h4>\(escape(control.id))" + (group.title.map { " " + escape($0) } ?? "") + "</h4>")
            }
            for answer in group.answers {
                lines.append("<div class=\"answer\">")
                lines.append("<p class=\"question\"><span class=\"reference\">\(escape(answer.reference))</span> \(escape(answer.question))</p>")
                lines.append("<p class=\"text\">\(escape(answer.answer))</p>")
                if !answer.evidence.isEmpty {
                    lines.append("<p class=\"evidence\">Supporting documents: " + answer.evidence.map { escape($0.title) }.joined(separator: "; ") + "</p>")
                }
                lines.append("</div>")
            }
        }
        lines.append("<h2>Supporting documents</h2>")
        if pack.evidence.isEmpty {
            lines.append("<p>None cited.</p>")
        } else {
            lines.append("<ul class=\"documents\">")
            for item in pack.evidence {
                let whereabouts: String
                if let location = item.location {
                    whereabouts = isWebLink(location) ? "<a href=\"\(escape(location))\">\(escape(location))</a>" : escape(location)
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

    /// Only `http://` and `https://` addresses become links; `javascript:` and the like stay text.
    static func isWebLink(_ location: String) -> Bool {
        let lowered = location.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
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
