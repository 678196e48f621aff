/// A framework's crosswalk to ISO/IEC 42001.
public struct Crosswalk: Sendable, Hashable, Codable {
    public var framework: String
    public var version: String
    /// Names a question may use for the framework (`AI RMF`, `EU AI Act`).
    public var aliases: [String]
    public var entries: [CrosswalkEntry]

    public init(framework: String, version: String, aliases: [String], entries: [CrosswalkEntry]) {
        self.framework = framework
        self.version = version
        self.aliases = aliases
        self.entries = entries
    }
}
