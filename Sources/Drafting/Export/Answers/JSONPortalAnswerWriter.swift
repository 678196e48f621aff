import Foundation
import Spreadsheet

/// Answers as JSON: `{"questionnaire": ..., "answers": [{"id", "sheet", "row", "question", "choice",
/// "answer", "citations": [{"kind", "framework", "id", "title", "availability", "location", "text"}],
/// "status", "decidedAt"}]}`, keys sorted, absent values `null`, so the same answers give the same bytes.
public struct JSONPortalAnswerWriter: PortalAnswerWriter {
    public init() {}

    public func write(_ answers: PortalAnswers, to url: URL) throws {
        do {
            try AtomicFile.write(try render(answers), to: url)
        } catch {
            throw RunExporter.ExportError(description: "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// The file's bytes.
    public func render(_ answers: PortalAnswers) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(Document(answers)) + Data("\n".utf8)
    }

    private struct Document: Encodable {
        var questionnaire: String
        var answers: [Row]

        init(_ answers: PortalAnswers) {
            questionnaire = answers.questionnaire
            self.answers = answers.rows.map(Row.init)
        }
    }

    /// A row with every key present, `null` when absent, so a portal's importer sees one shape.
    private struct Row: Encodable {
        var row: PortalAnswers.Row

        enum Key: String, CodingKey {
            case id, sheet, row, question, choice, answer, citations, status, decidedAt
        }

        enum CitationKey: String, CodingKey {
            case kind, framework, id, title, availability, location, text
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(row.id, forKey: .id)
            try container.encode(row.sheet, forKey: .sheet)
            try container.encode(row.row, forKey: .row)
            try container.encode(row.question, forKey: .question)
            try container.encode(row.choice, forKey: .choice)
            try container.encode(row.answer, forKey: .answer)
            var citations = container.nestedUnkeyedContainer(forKey: .citations)
            for citation in row.citations {
                var nested = citations.nestedContainer(keyedBy: CitationKey.self)
                try nested.encode(citation.kind.rawValue, forKey: .kind)
                try nested.encode(citation.framework, forKey: .framework)
                try nested.encode(citation.id, forKey: .id)
                try nested.encode(citation.title, forKey: .title)
                try nested.encode(citation.availability, forKey: .availability)
                try nested.encode(citation.location, forKey: .location)
                try nested.encode(citation.text, forKey: .text)
            }
            try container.encode(row.status, forKey: .status)
            try container.encode(row.decidedAt, forKey: .decidedAt)
        }
    }
}
