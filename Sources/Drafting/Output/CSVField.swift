/// How one value is written as a CSV field in anything `responder` writes (RFC 4180 quoting), and the
/// OWASP rule for text a spreadsheet program would run as a formula.
enum CSVField {
    /// Text starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    /// The field quoted (quotes doubled) when it holds the delimiter, a quote or a line break.
    /// - Parameter delimiter: an ASCII delimiter (`,`, `;` or tab).
    static func quoted(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        guard text.utf8.contains(where: { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        // Doubling quotes by hand: Foundation's replacingOccurrences was a tenth of a 1,000-question draft.
        var quoted = "\""
        quoted.reserveCapacity(text.utf8.count + 8)
        for character in text {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        quoted.append("\"")
        return quoted
    }
}
