/// A cell position, 1-based row and column, written A1-style (`C17`).
public struct CellAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based row number.
    public var row: Int
    /// 1-based column number (A = 1).
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `C17`, `$C$17` or `c17`; nil when the text is not a valid reference
    /// (columns beyond XFD = 16,384 and rows beyond 1,048,576 are rejected).
    public init?(_ reference: some StringProtocol) {
        self.init(utf8: reference.utf8)
    }

    /// Parses a reference from its UTF-8 bytes, as ``init(_:)`` does (the XLSX cell loop reads
    /// references straight from the XML buffer without making a String).
    init?(utf8 reference: some Sequence<UInt8>) {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in reference {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                if sawDigit { return nil }
                sawLetter = true
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A") + 1)
                if column > CellAddress.maxColumn { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if !sawLetter { return nil }
                sawDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                if row > CellAddress.maxRow { return nil }
            default:
                return nil
            }
        }
        guard sawLetter, sawDigit, row >= 1 else { return nil }
        self.init(row: row, column: column)
    }

    public static let maxRow = 1_048_576
    public static let maxColumn = 16_384

    /// The column letters for a 1-based column number (`3` -> `C`).
    public static func columnLetters(_ column: Int) -> String {
        var number = column
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The 1-based column number for column letters (`C` -> 3), nil when invalid.
    public static func columnNumber(_ letters: some StringProtocol) -> Int? {
        CellAddress("\(letters)1")?.column
    }

    public var columnLetters: String { CellAddress.columnLetters(column) }

    public var description: String { "\(columnLetters)\(row)" }

    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
