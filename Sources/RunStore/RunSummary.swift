/// A recorded draft run: one questionnaire file drafted against one knowledge-base version.
public struct RunSummary: Sendable, Hashable, Codable {
    /// 12 lowercase hex characters derived from path, content hash, knowledge-base version, as-of
    /// date, `--system` scope and framework selection (``RunIdentity/runID(path:contentHash:kbVersion:asOf:systemScope:frameworks:)``).
    public var id: String
    public var path: String
    /// Fingerprint of the input's bytes when it was drafted (``RunIdentity/fingerprint(_:)``).
    public var contentHash: String
    public var kbVersion: String
    /// `YYYY-MM-DD`
    public var asOf: String
    /// ISO 8601 UTC time the run was (last) recorded.
    public var createdAt: String

    public init(id: String, path: String, contentHash: String, kbVersion: String, asOf: String, createdAt: String) {
        self.id = id
        self.path = path
        self.contentHash = contentHash
        self.kbVersion = kbVersion
        self.asOf = asOf
        self.createdAt = createdAt
    }
}
