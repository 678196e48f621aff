/// Where each record and field of a CSV text lies, as byte ranges of the text itself, so a writer can
/// copy the buyer's fields back byte for byte ([RFC 4180](https://www.rfc-editor.org/rfc/rfc4180)).
///
/// Records and fields are cut exactly where ``CSVReader`` cuts them: a field opening with a quote
/// runs to its closing quote (doubled quotes and line breaks inside stay in it) and on to the next
/// delimiter or line end; LF, CRLF and a lone CR end a record. Record *n* (0-based) is the
/// reader's row *n + 1*. Nothing is validated: the reader has already accepted the text.
package enum CSVRecordSplitter {
    /// One record: its fields' byte ranges (a field's quotes included) and its line end's range
    /// (empty for a last record without one).
    package struct Record: Sendable, Equatable {
        package var fields: [Range<Int>]
        package var lineEnd: Range<Int>
    }

    /// The records of UTF-8 `bytes` (without a byte order mark), in order.
    package static func records(in bytes: [UInt8], delimiter: UInt8) -> [Record] {
        let quote = UInt8(ascii: "\""), lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
        var records: [Record] = []
        var fields: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let start = index
            if bytes[index] == quote {
                index += 1
                while index < bytes.count {
                    if bytes[index] == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    index += 1
                }
            }
            while index < bytes.count, bytes[index] != delimiter, bytes[index] != lineFeed, bytes[index] != carriageReturn {
                index += 1
            }
            fields.append(start..<index)
            if index < bytes.count, bytes[index] == delimiter {
                index += 1
                // A delimiter at the very end opens one last, empty field, as in the reader.
                if index == bytes.count { fields.append(index..<index) } else { continue }
            }
            let endStart = index
            if index < bytes.count {
                if bytes[index] == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == lineFeed { index += 2 } else { index += 1 }
            }
            records.append(Record(fields: fields, lineEnd: endStart..<index))
            fields = []
        }
        return records
    }
}
