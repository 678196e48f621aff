import ResponderModel

/// Writes library answers in the `library.yaml` format (Docs/knowledge-base-formats.md) that
/// `KnowledgeBaseLoader` reads back.
///
/// Every field is written in a fixed order, every string double-quoted and escaped, so the output
/// depends only on the answers and their order and values such as `No` or `2026-05-02` stay text.
/// `choice` is omitted for a free-text answer, as the format asks, and `alternateQuestions` when there are none.
public enum LibraryYAMLWriter {
    /// The whole `library.yaml` document for `answers`, in the given order.
    public static func render(_ answers: [LibraryAnswer]) -> String {
        var lines = ["formatVersion: 1", answers.isEmpty ? "answers: []" : "answers:"]
        for answer in answers {
            lines.append("  - id: \(quoted(answer.id))")
            lines.append("    question: \(quoted(answer.question))")
            if !answer.alternateQuestions.isEmpty { lines.append("    alternateQuestions: \(list(answer.alternateQuestions))") }
            if let choice = answer.choice { lines.append("    choice: \(quoted(choice))") }
            lines.append("    answer: \(quoted(answer.answer))")
            lines.append("    topic: \(quoted(answer.topic))")
            lines.append("    controls: \(list(answer.controls.map(\.description)))")
            lines.append("    evidence: \(list(answer.evidence))")
            lines.append("    systems: \(list(answer.systems))")
            lines.append("    assessments: \(list(answer.assessments))")
            lines.append("    approvedBy: \(quoted(answer.approvedBy))")
            lines.append("    approvedDate: \(quoted(answer.approvedDate))")
            lines.append("    source: \(quoted(answer.source))")
            if !answer.facets.isEmpty { lines.append("    facets:") }
            for facet in answer.facets {
                lines.append("      - id: \(quoted(facet.id))")
                lines.append("        aspect: \(quoted(facet.aspect))")
                lines.append("        examples: \(list(facet.examples))")
                lines.append("        keywords: \(list(facet.keywords))")
                lines.append("        statement: \(quoted(facet.statement))")
                lines.append("        stance: \(quoted(facet.stance.rawValue))")
                lines.append("        evidence: \(list(facet.evidence))")
                lines.append("        systems: \(list(facet.systems))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ values: [String]) -> String {
        "[" + values.map(quoted).joined(separator: ", ") + "]"
    }

    /// A YAML double-quoted scalar: backslash, quote and every control or non-printable character escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                    || scalar.value == 0x2028 || scalar.value == 0x2029
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
