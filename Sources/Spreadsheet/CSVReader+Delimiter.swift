import Foundation

extension CSVReader {
    /// The delimiter ``read(data:path:)`` would use for `data` (`,`, `;` or tab), so that a file
    /// written back for the buyer keeps the buyer's own.
    package static func delimiter(of data: Data) -> Character {
        let byte: UInt8
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            byte = detectDelimiter(in: Array((String(data: data, encoding: .utf16) ?? "").utf8))
        } else {
            byte = data.withUnsafeBytes { raw in detectDelimiter(in: raw.bindMemory(to: UInt8.self)) }
        }
        return Character(UnicodeScalar(byte))
    }
}
