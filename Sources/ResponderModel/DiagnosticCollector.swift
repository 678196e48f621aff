/// Collects diagnostics while a batch goes on, so one bad row warns without stopping the rest.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func report(_ severity: Severity, at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(severity, at: location, message))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
