import Foundation

/// An output format for drafts. Each format's escaping stays private to its writer.
public enum DraftFormat: String, Sendable, CaseIterable {
    case json
    case csv
    case md

    /// The file name suffix written for a questionnaire (`globex.draft.json`).
    public var fileSuffix: String {
        switch self {
        case .json: ".draft.json"
        case .csv: ".draft.csv"
        case .md: ".review.md"
        }
    }

    /// Renders a run (usually holding one file) in this format.
    public func render(_ run: DraftRun) -> Data {
        switch self {
        case .json: JSONDraftWriter.render(run)
        case .csv: CSVDraftWriter.render(run)
        case .md: MarkdownDraftWriter.render(run)
        }
    }
}
