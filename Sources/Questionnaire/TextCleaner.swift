import Foundation

/// Normalises question text and recognises rows that are not questions.
enum TextCleaner {
    /// Trims, collapses runs of spaces, joins hard wraps mid-sentence and keeps list/paragraph breaks.
    /// Returns whether a trailing `*` critical marker was present (and removes it).
    static func clean(_ raw: String) -> (text: String, critical: Bool) {
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
        let lower = text.lowercased()
        return lower.hasPrefix("end table data") || lower.hasPrefix("end of worksheet") || lower.hasPrefix("end of questionnaire")
            || lower.hasPrefix("©") || lower.hasPrefix("copyright") || lower.hasPrefix("(c) ")
    }

    /// "If so, ...", "- If yes, describe", "If no, explain", and rows led by a dash ("- Describe ...").
    static func isFollowUp(_ text: String) -> Bool {
        if text.hasPrefix("- ") || text.hasPrefix("– ") { return true }
        let lower = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "-–•· "))
        return ["if so", "if yes", "if no", "if not", "if applicable", "if you answered", "si es así", "en caso afirmativo"]
            .contains { lower.hasPrefix($0) }
    }

    /// Verbs after "Please" that ask for an answer ("Please describe ...") rather than instruct.
    /// "Please attach ..." and "Please upload ..." ask for a file sent apart from the sheet.
    private static let requestVerbs = ["provide", "describe", "explain", "list", "confirm", "indicate", "specify", "state",
                                       "identify", "detail", "outline", "summarise", "summarize", "give", "name"]

    /// An instruction to the person filling the sheet, not a question: "Please answer every
    /// question in this tab", "Instructions: ...", "Note: ...". "Please describe ..." is a request.
    static func isInstruction(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("instructions") || lower.hasPrefix("note:") || lower.hasPrefix("notes:") { return true }
        guard lower.hasPrefix("please ") else { return false }
        let rest = lower.dropFirst("please ".count)
        return !requestVerbs.contains { rest.hasPrefix($0) }
    }

    /// Evidence requests and requirement statements are questions even without `?`.
    static func isRequest(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["provide", "describe", "explain", "list", "please", "do ", "does ", "is ", "are ", "has ", "have ", "how ", "what ", "the vendor", "the supplier", "the provider", "indicate", "confirm", "upload", "attach"]
            .contains { lower.hasPrefix($0) } || lower.contains(" shall ") || lower.contains(" must ")
    }
}
