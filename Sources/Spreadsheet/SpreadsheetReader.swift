import Foundation
import ResponderModel

/// Reads a questionnaire file (XLSX or CSV) into a ``Workbook``, choosing the reader from the content.
public enum SpreadsheetReader {
    /// Reads the file at `path`.
    /// - Returns: the workbook and non-fatal diagnostics (unresolved dropdowns, odd cells).
    /// - Throws: ``SpreadsheetError`` naming the file and place when the file cannot be read.
    public static func read(path: String) throws(SpreadsheetError) -> (workbook: Workbook, diagnostics: [Diagnostic]) {
        throw SpreadsheetError(.unsupportedFormat, at: SourceLocation(file: path), "reader not implemented yet")
    }
}
