import Foundation

/// Writes JSON to a file handle as it goes, so a report of 50,000 questions is never held whole.
///
/// Hand-written rather than `JSONEncoder`: the encoder builds the whole document in memory (about
/// 250 MB for the 50,000-row benchmark questionnaire) and is several times slower per value on Linux.
/// Only what the reports need: objects with known keys, arrays, strings, integers, booleans, null.
struct JSONStreamWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    init(_ handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(Self.flushSize + 1024)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.flushSize { flush() }
    }

    mutating func raw(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { flush() }
    }

    /// A JSON string literal, escaped per RFC 8259.
    mutating func string(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        // Most text needs no escaping: copy it in one piece.
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        if copied == true {
            buffer.append(UInt8(ascii: "\""))
            if buffer.count >= Self.flushSize { flush() }
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                buffer.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
        if buffer.count >= Self.flushSize { flush() }
    }

    mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    /// Digits written straight into the buffer: no string is made per number.
    mutating func integer(_ value: Int) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { storage in
            repeat {
                storage[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(storage[index]) }
        }
    }

    mutating func optionalInteger(_ value: Int?) {
        if let value { integer(value) } else { raw("null") }
    }

    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    /// `"key":` with a separating comma when it is not the object's first member.
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { buffer.append(UInt8(ascii: ",")) }
        buffer.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// An array of strings on one line.
    mutating func strings(_ values: [String]) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
