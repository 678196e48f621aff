import Foundation
import ResponderModel

/// Finds where an item sits in the organisation's files, so a cross-file finding points at the line
/// a person must edit. The loader keeps values, not positions; the files are small, so looking the
/// ID up again in their text is simpler than threading positions through every record.
struct SourceLocator {
    private var lines: [String: [Substring]] = [:]
    private let folder: String

    init(folder: String) {
        self.folder = folder
    }

    private func path(_ file: String) -> String { KnowledgeBaseLoader.join(folder, file) }

    /// The folder the located files are in.
    var folderPath: String { folder }

    private mutating func text(of file: String) -> [Substring] {
        if let cached = lines[file] { return cached }
        let content = (FileManager.default.contents(atPath: path(file))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let split = SourceLocator.lines(of: content)
        lines[file] = split
        return split
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

    /// The `occurrence`-th (0-based) place where `key: value` (YAML) holds `id`, or where a CSV
    /// record starts with `id,`; the file's first line when it cannot be found.
    mutating func locate(_ id: String, key: String = "id", in file: String, occurrence: Int = 0) -> SourceLocation {
        var seen = 0
        for (index, line) in text(of: file).enumerated() {
            var column: Int?
            if file.hasSuffix(".csv") {
                if line.hasPrefix(id + ",") || line.hasPrefix("\"\(id)\",") { column = 1 }
            } else if let range = line.range(of: "\(key): ") {
                let value = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if value == id { column = line.distance(from: line.startIndex, to: range.lowerBound) + 1 }
            }
            guard let column else { continue }
            if seen == occurrence { return SourceLocation(file: path(file), line: index + 1, column: column) }
            seen += 1
        }
        return SourceLocation(file: path(file), line: 1, column: 1)
    }

    /// Where a field of an item is written, searching from the item's own line to the next item.
    mutating func locate(field: String, ofItem id: String, key: String = "id", in file: String) -> SourceLocation {
        let item = locate(id, key: key, in: file)
        let all = text(of: file)
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
