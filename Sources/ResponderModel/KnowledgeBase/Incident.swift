/// One AI incident from the incident log.
public struct Incident: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable { case open, investigating, closed }

    public var id: String
    /// `YYYY-MM-DD`
    public var date: String
    public var system: String
    public var severity: Assessment.Finding.Severity
    public var summary: String
    public var customersNotified: Bool
    public var status: Status

    public init(
        id: String, date: String, system: String, severity: Assessment.Finding.Severity, summary: String,
        customersNotified: Bool, status: Status
    ) {
        self.id = id
        self.date = date
        self.system = system
        self.severity = severity
        self.summary = summary
        self.customersNotified = customersNotified
        self.status = status
    }
}
