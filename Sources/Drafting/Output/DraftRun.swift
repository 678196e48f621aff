/// A drafting run over one or more questionnaires against one knowledge-base version.
public struct DraftRun: Sendable {
    public var kbVersion: String
    /// `YYYY-MM-DD`
    public var asOf: String
    public var systemScope: String?
    public var files: [DraftedFile]

    public init(kbVersion: String, asOf: String, systemScope: String?, files: [DraftedFile]) {
        self.kbVersion = kbVersion
        self.asOf = asOf
        self.systemScope = systemScope
        self.files = files
    }
}
