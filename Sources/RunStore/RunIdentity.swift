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
    public static func runID(path: String, contentHash: String, kbVersion: String, asOf: String) -> String {
        var hash = ContentHash()
        for part in [path, contentHash, kbVersion, asOf] { hash.add(part.utf8) }
        return String(hash.hex.prefix(12))
    }
}
