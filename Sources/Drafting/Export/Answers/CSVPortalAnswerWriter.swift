import Foundation
import Spreadsheet

/// Answers as CSV ([RFC 4180](https://www.rfc-editor.org/rfc/rfc4180): UTF-8, CRLF, a header
/// row), citations joined by `; `; every text that a spreadsheet would run as a formula is
/// neutralised with a leading `'`.
public struct CSVPortalAnswerWriter: PortalAnswerWriter {
    public init() {}

    public func write(_ answers: PortalAnswers, to url: URL) throws {
        do {
            try AtomicFile.write(render(answers), to: url)
        } catch {
            throw RunExporter.ExportError(description: "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// The file's bytes.
    public func render(_ answers: PortalAnswers) -> Data {
        var lines = [PortalAnswerFormat.headings.map(Self.field).joined(separator: ",")]
        for row in answers.rows {
            let values = [
                row.id, row.sheet, String(row.row), row.question, row.choice ?? "", row.answer,
                row.citations.map(\.text).joined(separator: "; "), row.status, row.decidedAt ?? "",
            ]
            lines.append(values.map(Self.field).joined(separator: ","))
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    private static func field(_ text: String) -> String { CSVField.quoted(CSVField.neutralised(text)) }
}
