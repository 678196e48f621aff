import ResponderModel

/// Why an XLSX file could not be written or patched, with where
/// (`buyer.xlsx:xl/worksheets/sheet2.xml!C17`).
public struct XLSXWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The input workbook is damaged, or uses a layout we refuse to guess about
        /// (a row or cell without its `r` reference).
        case malformed
        /// An edit names a part or cell that cannot be written.
        case invalidEdit
        /// Reading the input or writing the output failed.
        case io
    }

    public var kind: Kind
    /// `file` holds `file.xlsx:part` when a part is known; `cell` the A1 reference when known.
    public var location: SourceLocation
    public var message: String

    public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}
