import ResponderModel

/// The byte-level RFC 4180 state machine behind ``CSVReader``, over UTF-8 without a BOM.
struct CSVParser {
    /// The whole content, borrowed for the parser's lifetime (see CSVReader.withUTF8Bytes).
    private let bytes: UnsafeBufferPointer<UInt8>
    private let path: String
    private let delimiter: UInt8
    private let maxFieldBytes: Int

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    init(bytes: UnsafeBufferPointer<UInt8>, path: String, delimiter: UInt8, maxFieldBytes: Int) {
        self.bytes = bytes
        self.path = path
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
    }

    /// Rows holding at least one non-empty field, numbered by record.
    /// A field without quotes becomes a String straight from the input; only quoted fields are
    /// assembled byte by byte.
    mutating func parse() throws(SpreadsheetError) -> [SheetRow] {
        let bytes = self.bytes
        var rows: [SheetRow] = []
        // One row per line is the usual shape: growing a 50,000-row array by doubling spent more
        // time in malloc than the parse did.
        rows.reserveCapacity(min(1 << 20, bytes.reduce(into: 1) { count, byte in if byte == Self.lineFeed { count += 1 } }))
        var cells: [Cell] = []
        var field: [UInt8] = []
        var record = 1
        var column = 1
        var line = 1
        var fieldLine = 1
        var index = 0
        let count = bytes.count
        let delimiter = self.delimiter

        func addCell(_ text: UnsafeBufferPointer<UInt8>) throws(SpreadsheetError) {
            guard !text.isEmpty else { return }
            // Decoding repairs invalid UTF-8; the result differs from the input exactly when it did.
            let string = String(decoding: text, as: UTF8.self)
            guard string.utf8.count == text.count, text.allSatisfy({ $0 < 0x80 }) || string.utf8.elementsEqual(text) else {
                throw malformed(line: lineOfInvalidUTF8(in: Array(text), startingAt: fieldLine), "invalid UTF-8 text")
            }
            cells.append(Cell(address: CellAddress(row: record, column: column), value: .text(string)))
        }
        func finishRecord() {
            if !cells.isEmpty { rows.append(SheetRow(number: record, cells: cells)) }
            cells.removeAll(keepingCapacity: true)
            record += 1
            column = 1
        }
        func append(_ byte: UInt8) throws(SpreadsheetError) {
            guard field.count < maxFieldBytes else { throw fieldTooLong(line: fieldLine) }
            field.append(byte)
        }

        while index < count {
            fieldLine = line
            var quoted = false
            if bytes[index] == Self.quote {
                quoted = true
                index += 1
                var closed = false
                while index < count {
                    let byte = bytes[index]
                    index += 1
                    switch byte {
                    case Self.quote:
                        if index < count && bytes[index] == Self.quote {
                            try append(Self.quote)
                            index += 1
                        } else {
                            closed = true
                        }
                    case Self.carriageReturn:
                        // A line break inside a field is kept as "\n", whatever the file uses.
                        if index < count && bytes[index] == Self.lineFeed { index += 1 }
                        line += 1
                        try append(Self.lineFeed)
                    case Self.lineFeed:
                        line += 1
                        try append(Self.lineFeed)
                    case 0:
                        throw malformed(line: line, "NUL byte in the text (is this really a CSV file?)")
                    default:
                        try append(byte)
                    }
                    if closed { break }
                }
                if !closed {
                    throw malformed(line: fieldLine, "a quoted field starting on this line is never closed")
                }
            }
            // Unquoted text, or stray text after a closing quote, runs up to the delimiter or line end.
            let start = index
            // Scanning stops one byte past the cap, so a huge field is refused without reading it all.
            let scanEnd = min(count, index + (maxFieldBytes - field.count) + 1)
            while index < scanEnd {
                let byte = bytes[index]
                if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn || byte == 0 { break }
                index += 1
            }
            let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
            // The length cap is met before any NUL that ends the run, as it would byte by byte.
            guard field.count + run.count <= maxFieldBytes else { throw fieldTooLong(line: fieldLine) }
            var endedRecord = false
            if index < count {
                let byte = bytes[index]
                index += 1
                if byte == 0 { throw malformed(line: line, "NUL byte in the text (is this really a CSV file?)") }
                if byte == Self.lineFeed || byte == Self.carriageReturn {
                    if byte == Self.carriageReturn && index < count && bytes[index] == Self.lineFeed { index += 1 }
                    line += 1
                    endedRecord = true
                }
            }
            if quoted {
                field.append(contentsOf: run)
                try field.withUnsafeBufferPointer { text throws(SpreadsheetError) in try addCell(text) }
                field.removeAll(keepingCapacity: true)
            } else {
                try addCell(run)
            }
            column += 1
            if endedRecord || index >= count { finishRecord() }
        }
        return rows
    }

    private func fieldTooLong(line: Int) -> SpreadsheetError {
        SpreadsheetError(.limitExceeded, at: SourceLocation(file: path, line: line), "a field is longer than \(maxFieldBytes) bytes")
    }

    private func malformed(line: Int, _ message: String) -> SpreadsheetError {
        SpreadsheetError(.malformed, at: SourceLocation(file: path, line: line), message)
    }

    /// The physical line of the first invalid UTF-8 sequence in a field that starts on `line`.
    private func lineOfInvalidUTF8(in field: [UInt8], startingAt line: Int) -> Int {
        var result = line
        var iterator = field.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { result += 1 }
        }
        return result
    }
}
