/// A control or clause of one framework: `iso27001:A.8.24`, `soc2:CC6.1`, `iso42001:A.6.2.4`.
///
/// Encoded (and written in YAML) as one `FRAMEWORK:ID` string; an unqualified ID means
/// ISO/IEC 42001, the only framework older files knew.
public struct ControlRef: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var framework: FrameworkCode
    /// The ID as the framework writes it (`A.8.24`, `6.1.2`, `CC6.1`).
    public var id: String

    public init(_ framework: FrameworkCode, _ id: String) {
        self.framework = framework
        self.id = id
    }

    /// Parses `FRAMEWORK:ID` or a bare ID (ISO/IEC 42001); nil when the framework code is unknown
    /// or the ID is empty.
    public init?(parsing text: String) {
        let trimmed = Self.trimmed(Substring(text))
        if let colon = trimmed.firstIndex(of: ":") {
            guard let framework = FrameworkCode(rawValue: Self.trimmed(trimmed[..<colon])) else { return nil }
            let id = Self.trimmed(trimmed[trimmed.index(after: colon)...])
            guard !id.isEmpty else { return nil }
            self.init(framework, id)
        } else {
            guard !trimmed.isEmpty else { return nil }
            self.init(.iso42001, trimmed)
        }
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    /// `iso27001:A.8.24`
    public var description: String { "\(framework.rawValue):\(id)" }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let ref = ControlRef(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a control reference: \(text)")
        }
        self = ref
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: ControlRef, rhs: ControlRef) -> Bool {
        (lhs.framework, lhs.id) < (rhs.framework, rhs.id)
    }
}

extension ControlRef: ExpressibleByStringLiteral {
    /// `"iso27001:A.8.24"` or a bare ISO/IEC 42001 ID (`"A.5.2"`); text with an unknown framework
    /// code is kept whole as an ISO/IEC 42001 ID, which no catalogue holds.
    public init(stringLiteral value: String) {
        self = ControlRef(parsing: value) ?? ControlRef(.iso42001, value)
    }
}
