import Foundation
import ResponderModel

/// Reads CSV ([RFC 4180](https://www.rfc-editor.org/rfc/rfc4180)) into a one-sheet ``Workbook``.
///
/// Handles quoted fields with embedded newlines, delimiters and doubled quotes; CRLF, LF and CR line
/// ends, mixed; UTF-8 with or without BOM and UTF-16 with a BOM; `,`, `;` or tab as the delimiter,
/// chosen by consistent counts over the first records; ragged rows. Every field becomes `.text`:
/// `18.1.26` stays text.
public enum CSVReader {
    /// Parses CSV bytes. The sheet is named after the file without its extension; row numbers are
    /// 1-based record numbers counting the header; empty fields produce no cell.
    /// - Throws: ``SpreadsheetError`` `.malformed` naming the 1-based physical line of an unclosed
    ///   quote, invalid UTF-8 or UTF-16, or a NUL byte; `.limitExceeded` for an oversized file or field.
    public static func read(data: Data, path: String) throws(SpreadsheetError) -> Workbook {
        try read(data: data, path: path, limits: .standard)
    }

    static func read(data: Data, path: String, limits: ReadLimits) throws(SpreadsheetError) -> Workbook {
        guard data.count <= limits.maxCSVFileBytes else {
            throw SpreadsheetError(
                .limitExceeded, at: SourceLocation(file: path),
                "the file is \(data.count) bytes; the limit for CSV is \(limits.maxCSVFileBytes)")
        }
        let rows = try withUTF8Bytes(of: data, path: path) { bytes throws(SpreadsheetError) in
            var parser = CSVParser(
                bytes: bytes, path: path, delimiter: detectDelimiter(in: bytes),
                maxFieldBytes: limits.maxCSVFieldBytes)
            return try parser.parse()
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return Workbook(path: path, format: .csv, sheets: [Sheet(name: name, index: 0, rows: rows)])
    }

    /// Calls `body` with the content as UTF-8 without a BOM: UTF-8 is parsed where it lies in `data`
    /// (a copy of a large file costs page faults for nothing); UTF-16 (recognised only by its BOM) is transcoded.
    private static func withUTF8Bytes<T>(
        of data: Data, path: String,
        _ body: (UnsafeBufferPointer<UInt8>) throws(SpreadsheetError) -> T
    ) throws(SpreadsheetError) -> T {
        let result = data.withUnsafeBytes { raw -> Result<T, SpreadsheetError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            return Result { () throws(SpreadsheetError) -> T in
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try body(UnsafeBufferPointer(rebasing: bytes.dropFirst(3))) }
                let littleEndian: Bool
                if bytes.starts(with: [0xFF, 0xFE]) {
                    littleEndian = true
                } else if bytes.starts(with: [0xFE, 0xFF]) {
                    littleEndian = false
                } else {
                    return try body(bytes)
                }
                let transcoded = try transcodeUTF16(bytes.dropFirst(2), littleEndian: littleEndian, path: path)
                return try transcoded.withUnsafeBufferPointer { buffer throws(SpreadsheetError) in try body(buffer) }
            }
        }
        return try result.get()
    }

    private static func transcodeUTF16(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, littleEndian: Bool, path: String) throws(SpreadsheetError) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count)
        var line = 1
        var iterator = units.makeIterator()
        var decoder = UTF16()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                output.append(contentsOf: UTF8.encode(scalar)!)
            case .emptyInput:
                break decoding
            case .error:
                throw SpreadsheetError(.malformed, at: SourceLocation(file: path, line: line), "invalid UTF-16 text")
            }
        }
        if bytes.count % 2 != 0 {
            throw SpreadsheetError(.malformed, at: SourceLocation(file: path, line: line), "UTF-16 text ends in the middle of a character")
        }
        return output
    }

    /// Picks `,`, `;` or tab: the candidate found the same nonzero number of times outside quotes in
    /// the most of the first records (then the higher count, then that order); `,` when none occurs.
    /// Only the first `sampleBytes` are looked at, so one huge field cannot make the sample huge.
    static func detectDelimiter(
        in bytes: some RandomAccessCollection<UInt8>, sampleRecords: Int = 20,
        sampleBytes: Int = 1 << 20
    ) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts: [[Int]] = Array(repeating: [], count: candidates.count)
        var current = Array(repeating: 0, count: candidates.count)
        var inQuotes = false
        var recordHasContent = false
        var index = bytes.startIndex
        func endRecord() {
            if recordHasContent {
                for slot in candidates.indices { counts[slot].append(current[slot]) }
            }
            current = Array(repeating: 0, count: candidates.count)
            recordHasContent = false
        }
        let end = bytes.index(bytes.startIndex, offsetBy: sampleBytes, limitedBy: bytes.endIndex) ?? bytes.endIndex
        while index < end && counts[0].count < sampleRecords {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                recordHasContent = true
            } else if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                endRecord()
            } else {
                recordHasContent = true
                if !inQuotes, let slot = candidates.firstIndex(of: byte) { current[slot] += 1 }
            }
        }
        endRecord()
        var best: (score: Int, count: Int, slot: Int)?
        for slot in candidates.indices {
            let nonzero = counts[slot].filter { $0 > 0 }
            guard !nonzero.isEmpty else { continue }
            let frequency = Dictionary(grouping: nonzero, by: { $0 }).mapValues(\.count)
            let mode = frequency.max { ($0.value, $0.key) < ($1.value, $1.key) }!
            let candidate = (score: mode.value, count: mode.key, slot: slot)
            if let current = best, (current.score, current.count) >= (candidate.score, candidate.count) { continue }
            best = candidate
        }
        return best.map { candidates[$0.slot] } ?? UInt8(ascii: ",")
    }
}
