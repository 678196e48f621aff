import Foundation
import Spreadsheet

/// Columns fixed by the user (`--columns id=A,question=C,answer=D,comment=E`).
public struct ColumnOverrides: Sendable, Hashable {
    public var id: Int?
    public var question: Int?
    public var answer: Int?
    public var comments: [Int]

    public init(id: Int? = nil, question: Int? = nil, answer: Int? = nil, comments: [Int] = []) {
        self.id = id
        self.question = question
        self.answer = answer
        self.comments = comments
    }

    /// Parses `id=A,question=C,answer=D,comment=E,comment=F`.
    /// - Throws: ``DetectionError`` naming the bad part.
    public init(parsing text: String) throws(DetectionError) {
        self.init()
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[1].isEmpty else {
                throw DetectionError("bad --columns entry '\(part)': expected ROLE=COLUMN, e.g. question=C")
            }
            guard pieces[1].allSatisfy(\.isLetter), let column = CellAddress.columnNumber(pieces[1].uppercased()) else {
                throw DetectionError("bad column '\(pieces[1])' in --columns entry '\(part)': expected letters such as C or AB")
            }
            switch pieces[0].lowercased() {
            case "id": id = column
            case "question": question = column
            case "answer": answer = column
            case "comment": comments.append(column)
            default:
                throw DetectionError("unknown role '\(pieces[0])' in --columns: use id, question, answer or comment")
            }
        }
        if question == nil {
            throw DetectionError("--columns must name the question column (question=LETTER)")
        }
    }
}
