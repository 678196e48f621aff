/// One export of a run as the store records it: when, by whom, and which files went out with the
/// SHA-256 of their contents, so what a buyer received can be checked later.
public struct RunExport: Sendable, Hashable, Codable {
    /// One file written by the export.
    public struct File: Sendable, Hashable, Codable {
        /// The file's name as written (its last path component).
        public var name: String
        /// SHA-256 of the file's bytes, 64 lowercase hex characters.
        public var sha256: String

        public init(name: String, sha256: String) {
            self.name = name
            self.sha256 = sha256
        }
    }

    /// Position in the store's export log, from 1; 0 before it is recorded.
    public var id: Int64
    public var runId: String
    /// ISO 8601 UTC
    public var exportedAt: String
    /// Who ran the export (the login name unless given).
    public var exportedBy: String
    /// In the order they were written.
    public var files: [File]

    public init(id: Int64 = 0, runId: String, exportedAt: String, exportedBy: String, files: [File]) {
        self.id = id
        self.runId = runId
        self.exportedAt = exportedAt
        self.exportedBy = exportedBy
        self.files = files
    }
}
