/// One external requirement (keyed by framework, version and ID) and the ISO 42001 refs it maps to.
public struct CrosswalkEntry: Sendable, Hashable, Codable {
    public var framework: String
    public var version: String
    public var id: String
    public var title: String
    public var iso42001: [String]

    public init(framework: String, version: String, id: String, title: String, iso42001: [String]) {
        self.framework = framework
        self.version = version
        self.id = id
        self.title = title
        self.iso42001 = iso42001
    }

    /// `NIST AI RMF 1.0 GOVERN 1.1`
    public var reference: String { "\(framework) \(version) \(id)" }
}
