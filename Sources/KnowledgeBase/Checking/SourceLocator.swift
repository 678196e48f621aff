import Foundation
import ResponderModel

/// Finds where an item sits in the organisation's files, so a cross-file finding points at the line
/// a person must edit. The loader keeps values, not positions, so each file's text is read once and
/// indexed by the values its lines hold: every lookup is then a dictionary lookup, and checking a
/// library of 100,000 answers reads `library.yaml` once instead of once per answer.
struct SourceLocator {
    /// One file's lines and, per `key: value` line (YAML) or first field (CSV), where it sits.
    private struct FileIndex {
        var lines: [Substring]
        /// `key\u{0}value` (YAML) or the first field (CSV) to its places (0-based line, 1-based column), in file order.
        var places: [String: [(line: Int, column: Int)]]
    }

    private var files: [String: FileIndex] = [:]
    private let folder: String
    /// Lines read to build the indexes, over the locator's life; each file's lines are read once.
    private(set) var linesIndexed = 0

    init(folder: String) {
        self.folder = folder
    }

    private func path(_ file: String) -> String { KnowledgeBaseLoader.join(folder, file) }

    /// The folder the located files are in.
    var folderPath: String { folder }

    private mutating func index(of file: String) -> FileIndex {
        if let cached = files[file] { return cached }
        let content = (FileManager.default.contents(atPath: path(file))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let lines = SourceLocator.lines(of: content)
        var places: [String: [(line: Int, column: Int)]] = [:]
        let isCSV = file.hasSuffix(".csv")
        for (number, line) in lines.enumerated() {
            if isCSV {
                if let first = SourceLocator.firstCSVField(line) { places[first, default: []].append((number, 1)) }
            } else if let (key, value, column) = SourceLocator.keyValue(line) {
                places[key + "\u{0}" + value, default: []].append((number, column))
            }
        }
        linesIndexed += lines.count
        let index = FileIndex(lines: lines, places: places)
        files[file] = index
        return index
    }

    /// The lines of `text`, each without its end: LF, CRLF and a lone CR each end a line, as they
    /// do for the YAML and CSV readers. (Splitting on `"\n"` alone misses CRLF, which Swift reads as
    /// one character, and lone CRs.)
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "\n" || scalar == "\r" else {
                index = scalars.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            index = scalars.index(after: index)
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
            start = index
        }
        lines.append(text[start..<scalars.endIndex])
        return lines
    }

    /// The key, value and 1-based column of the key of a YAML line written `key: value` (also
    /// `- key: value`): the key is the word just before the line's first `": "`, the value what
    /// follows, without surrounding spaces and quotes. Works on the UTF-8 bytes: Foundation's
    /// search and trimming were most of a 100,000-answer check.
    static func keyValue(_ line: Substring) -> (key: String, value: String, column: Int)? {
        let bytes = line.utf8
        guard
            let colon = bytes.indices.first(where: {
                bytes[$0] == UInt8(ascii: ":") && bytes.index(after: $0) < bytes.endIndex
                    && bytes[bytes.index(after: $0)] == UInt8(ascii: " ")
            })
        else { return nil }
        var keyStart = colon
        while keyStart > bytes.startIndex {
            let before = bytes[bytes.index(before: keyStart)]
            guard isWordByte(before) else { break }
            keyStart = bytes.index(before: keyStart)
        }
        guard keyStart < colon else { return nil }
        var valueStart = bytes.index(colon, offsetBy: 2)
        var valueEnd = bytes.endIndex
        func isTrimmed(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x22 || byte == 0x27 }
        while valueStart < valueEnd, isTrimmed(bytes[valueStart]) { valueStart = bytes.index(after: valueStart) }
        while valueEnd > valueStart, isTrimmed(bytes[bytes.index(before: valueEnd)]) { valueEnd = bytes.index(before: valueEnd) }
        return (String(line[keyStart..<colon]), String(line[valueStart..<valueEnd]), line.distance(from: line.startIndex, to: keyStart) + 1)
    }

    /// A letter, digit or underscore of a YAML key (non-ASCII letters count too).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// A CSV line's first field when the line has a delimiter after it (`id,` or `"id",`).
    static func firstCSVField(_ line: Substring) -> String? {
        if line.hasPrefix("\"") {
            let rest = line.dropFirst()
            guard let close = rest.range(of: "\",") else { return nil }
            return String(rest[..<close.lowerBound])
        }
        guard let comma = line.firstIndex(of: ",") else { return nil }
        return String(line[..<comma])
    }

    /// The `occurrence`-th (0-based) place where `key: value` (YAML) holds `id`, or where a CSV
    /// record starts with `id,`; the file's first line when it cannot be found.
    mutating func locate(_ id: String, key: String = "id", in file: String, occurrence: Int = 0) -> SourceLocation {
        let index = index(of: file)
        let places = index.places[file.hasSuffix(".csv") ? id : key + "\u{0}" + id] ?? []
        guard occurrence < places.count else { return SourceLocation(file: path(file), line: 1, column: 1) }
        let place = places[occurrence]
        return SourceLocation(file: path(file), line: place.line + 1, column: place.column)
    }

    /// Where a field of an item is written, searching from the item's own line to the next item.
    mutating func locate(field: String, ofItem id: String, key: String = "id", in file: String) -> SourceLocation {
        let item = locate(id, key: key, in: file)
        let all = index(of: file).lines
        guard let start = item.line, start <= all.count else { return item }
        for index in start..<all.count {
            let line = all[index]
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("- \(key):") { break }
            if let range = line.range(of: "\(field):") {
                return SourceLocation(file: path(file), line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return item
    }
}
