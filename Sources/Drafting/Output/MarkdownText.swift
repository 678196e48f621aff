/// How a value from a buyer or the knowledge base is written into Markdown (the review report and
/// the evidence pack): it can add no structure, HTML, link or image, and no control character.
///
/// Follows [CommonMark](https://spec.commonmark.org/0.31.2/): every ASCII punctuation character
/// that opens inline syntax, a link, an image (`!` needs the escaped `[`) or HTML is backslash-escaped; one that starts a block (a list item,
/// a setext underline, a numbered item) is escaped at the start of a line; control characters
/// (ESC, BEL, C1) are written as visible `\u{1B}`-style text.
enum MarkdownText {
    /// `text` escaped for running text; line breaks become spaces when `foldingLines`.
    static func escape(_ text: String, foldingLines: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var lineStart = true
        var pendingDigits = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                out += pendingDigits
                pendingDigits = ""
                if foldingLines {
                    out.append(" ")
                } else if scalar == "\n" {
                    out.append("\n")
                    lineStart = true
                }
                continue
            }
            if isControl(scalar) {
                out += pendingDigits + "\\\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                pendingDigits = ""
                lineStart = false
                continue
            }
            if lineStart {
                // "1." and "1)" open a numbered list only at the start of a line.
                if ("0"..."9").contains(scalar) {
                    pendingDigits.unicodeScalars.append(scalar)
                    continue
                }
                if !pendingDigits.isEmpty {
                    out += pendingDigits
                    pendingDigits = ""
                    lineStart = false
                    if scalar == "." || scalar == ")" {
                        out += "\\" + String(scalar)
                        continue
                    }
                } else if scalar == " " || scalar == "\t" {
                    out.unicodeScalars.append(scalar)
                    continue
                } else {
                    lineStart = false
                    if "-+=".unicodeScalars.contains(scalar) {
                        out += "\\" + String(scalar)
                        continue
                    }
                }
            }
            if "\\`*_[]<>#|~".unicodeScalars.contains(scalar) {
                out += "\\" + String(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + pendingDigits
    }

    /// `text` as an inline code span when it can be one safely (no backtick, line break or control
    /// character), else escaped as running text.
    static func code(_ text: String) -> String {
        guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0 == "`" || $0 == "\n" || $0 == "\r" || isControl($0) }) else {
            return escape(text, foldingLines: true)
        }
        return "`\(text)`"
    }

    /// `location` as an autolink when it is an `http(s)` URL; anything else (`javascript:`, a path)
    /// is plain escaped text.
    static func link(_ location: String) -> String {
        let lowered = location.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return escape(location, foldingLines: true) }
        var out = "<"
        for scalar in location.unicodeScalars {
            switch scalar {
            case "<", ">", " ", "\\", "`", "\"":
                out += "%" + String(scalar.value, radix: 16, uppercase: true)
            default:
                if isControl(scalar) || scalar == "\n" || scalar == "\r" || scalar == "\t" {
                    out += "%" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + ">"
    }

    /// C0 controls other than line feed, carriage return and tab; DEL and the C1 controls.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A && value != 0x0D && value != 0x09) || (0x7F...0x9F).contains(value)
    }
}
