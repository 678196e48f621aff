import ResponderModel

/// Why a spreadsheet could not be read, with where.
public struct SpreadsheetError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file is not a format we read; the message says what to save it as.
        case unsupportedFormat
        /// The file is damaged or not well-formed.
        case malformed
        /// A size, count or expansion limit was exceeded.
        case limitExceeded
        /// The file could not be opened or read.
        case io
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: String

    public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}
