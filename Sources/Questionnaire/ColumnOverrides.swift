import Foundation
import ResponderModel
import Spreadsheet

/// Columns fixed by the user (`--columns id=A,question=C,answer=D,comment=E`).
public struct ColumnOverrides: Sendable, Hashable {
    public var id: Int?
    public var question: Int?
    public var answer: Int?
    /// How the answer column is written, when fixed (`answer=C:text`); nil lets its dropdown decide.
    public var answerKind: AnswerCell.Kind?
    public var comments: [Int]

    public init(id: Int? = nil, question: Int? = nil, answer: Int? = nil, answerKind: AnswerCell.Kind? = nil, comments: [Int] = []) {
        self.id = id
        self.question = question
        self.answer = answer
        self.answerKind = answerKind
        self.comments = comments
    }

    /// Parses `id=A,question=C,answer=D,comment=E,comment=F`; the answer column may carry its kind
    /// (`answer=D:text`, `answer=D:choice`).
    /// - Throws: ``DetectionError`` naming the bad part.
    public init(parsing text: String) throws(DetectionError) {
        self.init()
        for part in text.split(separator: ",") {
            var pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[1].isEmpty else {
                throw DetectionError("bad --columns entry '\(part)': expected ROLE=COLUMN, e.g. question=C")
            }
            var kind: AnswerCell.Kind?
            if let colon = pieces[1].firstIndex(of: ":") {
                let kindText = pieces[1][pieces[1].index(after: colon)...].lowercased()
                guard pieces[0].lowercased() == "answer", let parsed = AnswerCell.Kind(rawValue: kindText) else {
                    throw DetectionError("bad --columns entry '\(part)': only the answer column takes a kind, answer=C:text or answer=C:choice")
                }
                kind = parsed
                pieces[1] = String(pieces[1][..<colon])
            }
            guard pieces[1].allSatisfy(\.isLetter), let column = CellAddress.columnNumber(pieces[1].uppercased()) else {
                throw DetectionError("bad column '\(pieces[1])' in --columns entry '\(part)': expected letters such as C or AB")
            }
            switch pieces[0].lowercased() {
            case "id": id = column
            case "question": question = column
            case "answer":
                answer = column
                answerKind = kind
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
