import Foundation

/// Writes ``PortalAnswers`` as one file format; one conforming type per format, each keeping its
/// own escaping.
public protocol PortalAnswerWriter: Sendable {
    /// Writes `answers` to `url` atomically (a temporary file beside it, renamed into place).
    /// - Throws: ``RunExporter/ExportError`` naming the file when it cannot be written.
    func write(_ answers: PortalAnswers, to url: URL) throws
}

/// The answers-only formats `responder export --answers` writes.
public enum PortalAnswerFormat: String, Sendable, Hashable, CaseIterable {
    case csv, json, xlsx

    /// The extension an output of this format must have.
    public var fileExtension: String { rawValue }

    /// The writer of this format.
    public var writer: any PortalAnswerWriter {
        switch self {
        case .csv: CSVPortalAnswerWriter()
        case .json: JSONPortalAnswerWriter()
        case .xlsx: XLSXPortalAnswerWriter()
        }
    }

    /// The column headings of the tabular formats, in order.
    static let headings = ["ID", "Sheet", "Row", "Question", "Choice", "Answer", "Citations", "Status", "Decided"]
}
