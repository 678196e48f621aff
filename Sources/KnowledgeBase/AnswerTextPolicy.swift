import Spreadsheet

/// What a reviewer's answer text must satisfy before it is recorded: the one check that
/// `review edit` (and a review import's edits) call, so a text that would break an export later is
/// refused when it is typed, with the reason.
public enum AnswerTextPolicy {
    /// The longest answer text, in UTF-16 code units: what one Excel cell holds (32,767).
    public static let maxCharacters = XLSXCellPatcher.maxCellCharacters

    /// Why `text` cannot be recorded as an edited answer, or nil when it can: longer than a cell
    /// holds, or naming internal evidence (which would then reach the buyer and, as a learned
    /// answer, every later draft).
    public static func refusal(
        ofEdit text: String,
        internalReferences: InternalReferenceScanner = InternalReferenceScanner(evidence: [])
    ) -> String? {
        let length = text.utf16.count
        guard length <= maxCharacters else {
            return "the text has \(length) characters; an answer cell holds at most \(maxCharacters)"
        }
        let hits = internalReferences.hits(in: text)
        guard hits.isEmpty else {
            return "the text names internal evidence: " + hits.map(\.description).joined(separator: ", ")
                + "; internal documents must not reach buyers"
        }
        return nil
    }
}
