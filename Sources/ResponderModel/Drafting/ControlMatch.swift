/// A catalogue entry ranked for a question, with the reasons it scored.
public struct ControlMatch: Sendable, Hashable, Codable {
    /// The framework of the matched entry; `control` means nothing without it.
    public var framework: FrameworkCode
    /// Catalogue ID exactly as written (`A.5.2`, `6.1.2`, `9.3`, `CC6.1`).
    public var control: String
    public var title: String
    /// Relevance score (higher is better), rounded to 3 decimals so output is stable.
    public var score: Double
    /// Why it scored: matched terms with their fields, crosswalk and library hits.
    public var why: String

    /// The matched entry's framework-qualified reference.
    public var ref: ControlRef { ControlRef(framework, control) }

    public init(framework: FrameworkCode = .iso42001, control: String, title: String, score: Double, why: String) {
        self.framework = framework
        self.control = control
        self.title = title
        self.score = score
        self.why = why
    }
}
