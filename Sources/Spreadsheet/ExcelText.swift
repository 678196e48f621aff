import Foundation

/// Text as Excel stores it in SpreadsheetML strings.
enum ExcelText {
    /// Decodes `_xHHHH_` escapes (ECMA-376 ST_Xstring, which Excel uses for control characters such
    /// as `_x000D_`) and turns `\r\n` and lone `\r` into `\n`.
    /// ``decode(_:)`` over UTF-8 bytes from the XML reader, checked for escapes and `\r` before a
    /// String is made: almost no text has them, and scanning bytes is much cheaper than a String's view.
    static func decode(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return bytes.contains(where: { $0 == UInt8(ascii: "_") || $0 == 0x0D }) ? decode(text) : text
    }

    static func decode(_ raw: String) -> String {
        guard raw.utf8.contains(where: { $0 == UInt8(ascii: "_") || $0 == 0x0D }) else { return raw }
        var scalars = String.UnicodeScalarView()
        let input = Array(raw.unicodeScalars)
        var index = 0
        while index < input.count {
            if input[index] == "_", index + 6 < input.count, input[index + 1] == "x", input[index + 6] == "_",
                input[(index + 2)..<(index + 6)].allSatisfy(\.properties.isASCIIHexDigit),
                let code = UInt32(String(String.UnicodeScalarView(input[(index + 2)..<(index + 6)])), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                scalars.append(scalar)
                index += 7
            } else {
                scalars.append(input[index])
                index += 1
            }
        }
        return String(scalars).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
