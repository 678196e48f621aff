import ResponderModel

/// A drafting run over one or more questionnaires against one knowledge-base version.
public struct DraftRun: Sendable {
    public var kbVersion: String
    /// `YYYY-MM-DD`
    public var asOf: String
    public var systemScope: String?
    public var files: [DraftedFile]
    /// Display names of the frameworks (`iso27001` -> `ISO/IEC 27001`), from the catalogue.
    public var frameworkTitles: [FrameworkCode: String]

    public init(
        kbVersion: String, asOf: String, systemScope: String?, files: [DraftedFile],
        frameworkTitles: [FrameworkCode: String] = [:]
    ) {
        self.frameworkTitles = frameworkTitles
        self.kbVersion = kbVersion
        self.asOf = asOf
        self.systemScope = systemScope
        self.files = files
    }
}
