import Foundation

/// Normalises question text and recognises rows that are not questions.
enum TextCleaner {
    /// Trims, collapses runs of spaces, joins hard wraps mid-sentence and keeps list/paragraph breaks.
    /// Returns whether a trailing `*` critical marker was present (and removes it).
    static func clean(_ raw: String) -> (text: String, critical: Bool) {
        if isClean(raw) { return (raw, false) }
        let lines = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { collapse(String($0)) }
        var result = ""
        var previousBlank = false
        for line in lines {
            if line.isEmpty { previousBlank = true; continue }
            if result.isEmpty {
                result = line
            } else if previousBlank || startsListItem(line) || endsSentence(result) {
                result += "\n" + line
            } else {
                result += " " + line
            }
            previousBlank = false
        }
        var critical = false
        if result.hasSuffix("*") {
            critical = true
            result = String(result.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return (result, critical)
    }

    /// The first 40 characters, lower-cased: enough for every opening these rules look for, and
    /// it keeps the per-row checks independent of the length of the text.
    static func head(_ text: String) -> String {
        text.utf8.count <= 40 ? text.lowercased() : String(text.prefix(40)).lowercased()
    }

    /// Surrounding whitespace removed; a string with none comes back as it is without Foundation work.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xC2 || $0 == 0xA0 }
        if !blank(first) && !blank(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Most cells need no cleaning: no line break, tab, no-break space, doubled or edge space, or
    /// trailing `*`. A byte scan finds those without Foundation's string searches.
    private static func isClean(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            switch byte {
            case 0x0A, 0x0D, 0x09, 0xC2: return false  // 0xC2 leads U+00A0, the no-break space
            case 0x20 where previous == 0x20: return false
            default: previous = byte
            }
        }
        return previous != 0x20 && previous != UInt8(ascii: "*")
    }

    private static func collapse(_ line: String) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
    }

    private static func startsListItem(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if "-•–*·▪".contains(first) { return true }
        return line.range(of: #"^(\d+|[a-z])[\.\)]\s"#, options: .regularExpression) != nil
    }

    private static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".?!:;".contains(last)
    }

    static func isSentinel(_ text: String) -> Bool {
        // Every sentinel opens with e, c, ( or ©: most rows are passed over on their first byte.
        guard let first = text.utf8.first, [0x45, 0x65, 0x43, 0x63, 0x28, 0xC2].contains(first) else { return false }
        let lower = head(text)
        return lower.hasPrefix("end table data") || lower.hasPrefix("end of worksheet") || lower.hasPrefix("end of questionnaire")
            || lower.hasPrefix("©") || lower.hasPrefix("copyright") || lower.hasPrefix("(c) ")
    }

    /// "If so, ...", "- If yes, describe", "If no, explain", and rows led by a dash ("- Describe ...").
    static func isFollowUp(_ text: String) -> Bool {
        if text.hasPrefix("- ") || text.hasPrefix("– ") { return true }
        let lower = head(text).trimmingCharacters(in: CharacterSet(charactersIn: "-–•· "))
        return ["if so", "if yes", "if no", "if not", "if applicable", "if you answered", "si es así", "en caso afirmativo"]
            .contains { lower.hasPrefix($0) }
    }

    /// Verbs after "Please" that ask for an answer ("Please describe ...") rather than instruct.
    /// "Please attach ..." and "Please upload ..." ask for a file sent apart from the sheet.
    private static let requestVerbs = [
        "provide", "describe", "explain", "list", "confirm", "indicate", "specify", "state",
        "identify", "detail", "outline", "summarise", "summarize", "give", "name",
    ]

    /// An instruction to the person filling the sheet, not a question: "Please answer every
    /// question in this tab", "Instructions: ...", "Note: ...". "Please describe ..." is a request.
    static func isInstruction(_ text: String) -> Bool {
        let lower = head(text)
        if lower.hasPrefix("instructions") || lower.hasPrefix("note:") || lower.hasPrefix("notes:") { return true }
        guard lower.hasPrefix("please ") else { return false }
        let rest = lower.dropFirst("please ".count)
        return !requestVerbs.contains { rest.hasPrefix($0) }
    }

    /// Evidence requests and requirement statements are questions even without `?`.
    static func isRequest(_ text: String) -> Bool {
        // The openings are short: lower-case only the head, and look for " shall "/" must " in the rest.
        let lower = head(text)
        if text.contains(" shall ") || text.contains(" must ") { return true }
        return [
            "provide", "describe", "explain", "list", "please", "do ", "does ", "is ", "are ", "has ", "have ", "how ", "what ", "the vendor", "the supplier", "the provider", "indicate", "confirm",
            "upload", "attach",
        ]
        .contains { lower.hasPrefix($0) }
    }
}
