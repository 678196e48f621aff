/// Escaping of text for XML 1.0 content and attribute values (ECMA-376 parts are XML 1.0).
enum XMLText {
    /// Escapes `& < > " '` and removes characters XML 1.0 does not allow (C0 controls other than
    /// tab, LF and CR; U+FFFE and U+FFFF). Line breaks are kept as they are.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            // A literal CR would be normalised to LF by every XML parser; the reference keeps it.
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
