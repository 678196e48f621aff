import Foundation
import KnowledgeBase

/// Run IDs and input fingerprints: the same inputs always give the same values, in every store.
public enum RunIdentity {
    /// The fingerprint of a file's bytes stored as a run's `contentHash`, to notice a changed input.
    public static func fingerprint(_ data: Data) -> String {
        var hash = ContentHash()
        hash.add(data)
        return hash.hex
    }

    /// The run ID for these inputs: 12 lowercase hex characters.
    ///
    /// Everything that changes a run's drafts is part of it: the input (path and content), the
    /// knowledge-base version, the as-of date, the `--system` scope and the framework selection,
    /// so a scoped re-draft is a run of its own and never replaces the drafts a reviewer decided
    /// on. A run drafted with neither scope nor selection keeps the ID it had before they counted.
    public static func runID(
        path: String, contentHash: String, kbVersion: String, asOf: String,
        systemScope: String? = nil, frameworks: [String]? = nil
    ) -> String {
        var hash = ContentHash()
        for part in [path, contentHash, kbVersion, asOf] { hash.add(part.utf8) }
        if let systemScope { hash.add("system=\(systemScope)".utf8) }
        if let frameworks { hash.add("frameworks=\(frameworks.sorted().joined(separator: ","))".utf8) }
        return String(hash.hex.prefix(12))
    }

    /// The fingerprint of a draft as a reviewer sees it (its choice and text): what a decision
    /// records as the draft it was made on (``DecisionRequest/seenDraft``), 16 lowercase hex characters.
    public static func draftHash(choice: String?, text: String) -> String {
        var hash = ContentHash()
        hash.add((choice.map { "choice=" + $0 } ?? "no choice").utf8)
        hash.add(text.utf8)
        return String(hash.hex.prefix(16))
    }
}
