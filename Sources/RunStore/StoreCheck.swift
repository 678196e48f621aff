/// What `responder store check` found (``RunStore/check()``).
public struct StoreCheck: Sendable, Hashable {
    /// What was checked, in words, for the report.
    public var checked: String
    /// One line per problem found; empty when the store is sound.
    public var problems: [String]

    public init(checked: String, problems: [String]) {
        self.checked = checked
        self.problems = problems
    }

    public var isSound: Bool { problems.isEmpty }
}
