/// Recognises question IDs by their shape: `GNRL-01`, `A&A-01.1`, `RG-PS-01`, `1.2.3`, `K.1`,
/// `Q-0001`, `AIGN-01a`.
///
/// Hand-written rather than a regular expression: it runs on every cell of every candidate column,
/// and a character scan is an order of magnitude cheaper than `NSRegularExpression` there.
enum QuestionIDPattern {
    /// Whether `text` (already trimmed) looks like a question ID.
    static func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (2...24).contains(scalars.count) else { return false }
        var groups: [(letters: Int, digits: Int)] = [(0, 0)]
        var separators = 0
        var hasDigit = false
        for scalar in scalars {
            switch scalar {
            case "0"..."9":
                groups[groups.count - 1].digits += 1
                hasDigit = true
            case "A"..."Z", "a"..."z", "&":
                // Letters after digits in one group only as a one-letter suffix (`01a`).
                if groups[groups.count - 1].digits > 0 && groups[groups.count - 1].letters > 0 { return false }
                groups[groups.count - 1].letters += 1
            case "-", ".", "_":
                separators += 1
                groups.append((0, 0))
            default:
                return false
            }
        }
        guard hasDigit, groups.allSatisfy({ $0.letters + $0.digits > 0 && $0.letters <= 8 }) else { return false }
        let letterGroups = groups.filter { $0.letters > 0 && $0.digits == 0 }.count
        let digitGroups = groups.filter { $0.digits > 0 && $0.letters == 0 }.count
        // `1.2.3`, `18.1.26`: dotted numbers with at least two parts; a plain number is not an ID.
        if letterGroups == 0 && groups.allSatisfy({ $0.letters == 0 }) {
            guard separators >= 1, !text.contains("-") || separators >= 3 else { return false }
            // Dates such as 2026-01-15 are not IDs.
            return !(groups.count == 3 && groups[0].digits == 4)
        }
        // A code: letter groups and number groups, `GNRL-01`, `K.1`, `Q0001`, `AIGN01`.
        return digitGroups >= 1 || groups.contains { $0.letters > 0 && $0.digits > 0 }
    }
}
