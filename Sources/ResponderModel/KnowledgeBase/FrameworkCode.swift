/// The code of a framework with a catalogue in `Mappings/catalogue/` (`iso42001`, `iso27001`,
/// `soc2`). Control IDs collide across frameworks (27001's A.5.2 is not 42001's A.5.2), so a
/// control is always named with its framework: see ``ControlRef``.
public enum FrameworkCode: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case iso42001
    case iso27001
    case soc2

    /// The display name used when a catalogue file does not give one.
    public var defaultTitle: String {
        switch self {
        case .iso42001: "ISO/IEC 42001"
        case .iso27001: "ISO/IEC 27001"
        case .soc2: "SOC 2"
        }
    }

    /// The framework a certification's `standard` (`ISO/IEC 27001:2022`, `SOC 2 Type II`) names,
    /// or nil for a standard without a catalogue.
    public init?(certificationStandard standard: String) {
        let compact = standard.lowercased().filter { $0.isLetter || $0.isNumber }
        if compact.contains("42001") {
            self = .iso42001
        } else if compact.contains("27001") {
            self = .iso27001
        } else if compact.hasPrefix("soc2") {
            self = .soc2
        } else {
            return nil
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: FrameworkCode, rhs: FrameworkCode) -> Bool { lhs.order < rhs.order }
}
