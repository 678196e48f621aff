import Foundation
import ResponderModel

/// Writes one CSV row per question (RFC 4180), with spreadsheet formula injection neutralised.
enum CSVDraftWriter {
    static let header = [
        "file", "sheet", "row", "id", "question", "intent", "choice", "answer", "confidence", "score",
        "flags", "citations", "top_control",
    ]

    static func render(_ run: DraftRun) -> Data {
        var lines = [header.map(field).joined(separator: ",")]
        for file in run.files {
            for drafted in file.questions {
                let answer = drafted.answer
                let values = [
                    file.path, drafted.question.sheet, String(drafted.question.row), drafted.question.id, drafted.question.text,
                    drafted.intent.rawValue, answer.choice ?? "", answer.text, answer.confidence.rawValue,
                    String(format: "%.3f", answer.score), answer.flags.map(\.rawValue).joined(separator: " "),
                    answer.citations.map(\.encoded).joined(separator: " "),
                    drafted.matches.first?.ref.description ?? "",
                ]
                lines.append(values.map(field).joined(separator: ","))
            }
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Quotes when needed, and prefixes `'` to text a spreadsheet would run as a formula (OWASP).
    static func field(_ value: String) -> String {
        CSVField.quoted(CSVField.neutralised(value))
    }
}
