/// Maps our canonical choices (Yes / No / Partial / N/A) onto the spelling a buyer's dropdown uses.
package enum ChoiceVocabulary {
    package enum Canonical: String, Sendable, CaseIterable {
        case yes = "Yes"
        case no = "No"
        case partial = "Partial"
        case notApplicable = "N/A"

        var spellings: Set<String> {
            switch self {
            case .yes: ["yes", "y", "true", "compliant", "fully compliant", "implemented", "fully implemented", "in place", "yes compliant", "agree"]
            case .no: ["no", "n", "false", "not compliant", "non compliant", "noncompliant", "not implemented", "not in place", "disagree"]
            case .partial: ["partial", "partially", "partly", "partially compliant", "partially implemented", "in progress", "yes partially", "partial compliance"]
            case .notApplicable: ["n a", "na", "not applicable", "n a not applicable", "none applicable"]
            }
        }
    }

    /// The buyer's value for a canonical choice: the first allowed value spelled as one of its
    /// forms; the canonical text when the cell has no list; nil when the list allows none of them.
    package static func value(for choice: Canonical, allowed: [String]?) -> String? {
        guard let allowed, !allowed.isEmpty else { return choice.rawValue }
        return allowed.first { choice.spellings.contains(normalised($0)) }
    }

    private static func normalised(_ text: String) -> String {
        TextAnalyzer.rawWords(text).joined(separator: " ")
    }
}
