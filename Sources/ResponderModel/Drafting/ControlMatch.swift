/// A catalogue entry ranked for a question, with the reasons it scored.
public struct ControlMatch: Sendable, Hashable, Codable {
    /// Catalogue ID exactly as written (`A.5.2`, `6.1.2`, `9.3`).
    public var control: String
    public var title: String
    /// Relevance score (higher is better), rounded to 3 decimals so output is stable.
    public var score: Double
    /// Why it scored: matched terms with their fields, crosswalk and library hits.
    public var why: String

    public init(control: String, title: String, score: Double, why: String) {
        self.control = control
        self.title = title
        self.score = score
        self.why = why
    }
}
