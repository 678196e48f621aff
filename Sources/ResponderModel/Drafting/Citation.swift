/// Something a drafted answer rests on; every citation resolves to a knowledge-base entry.
public struct Citation: Sendable, Hashable, Codable, Comparable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case control
        case clause
        case evidence
        case system
        case assessment
        case library
        case crosswalk
        case incident
        case certification
    }

    public var kind: Kind
    /// The framework of a `control` or `clause` citation; nil for every other kind.
    public var framework: FrameworkCode?
    public var id: String

    public init(kind: Kind, framework: FrameworkCode? = nil, id: String) {
        self.kind = kind
        self.framework = framework
        self.id = id
    }

    /// A `control` or `clause` citation of `ref`.
    public init(_ ref: ControlRef, kind: CatalogueEntry.Kind) {
        self.init(kind: kind == .control ? .control : .clause, framework: ref.framework, id: ref.id)
    }

    /// The cited control or clause, for `control` and `clause` citations.
    public var controlRef: ControlRef? { framework.map { ControlRef($0, id) } }

    /// What the citation names, as printed: `iso27001:A.8.24` for controls and clauses, the ID otherwise.
    public var reference: String { controlRef?.description ?? id }

    /// `kind:reference` (`control:iso27001:A.8.24`, `evidence:EV-004`), the form CSV output and the store use.
    public var encoded: String { "\(kind.rawValue):\(reference)" }

    /// Reads the `encoded` form back; an unqualified control or clause means ISO/IEC 42001.
    public init?(encoded text: String) {
        guard let colon = text.firstIndex(of: ":"), let kind = Kind(rawValue: String(text[..<colon])) else { return nil }
        let rest = String(text[text.index(after: colon)...])
        if kind == .control || kind == .clause {
            guard let ref = ControlRef(parsing: rest) else { return nil }
            self.init(kind: kind, framework: ref.framework, id: ref.id)
        } else {
            guard !rest.isEmpty else { return nil }
            self.init(kind: kind, id: rest)
        }
    }

    private var order: Int { Kind.allCases.firstIndex(of: kind) ?? 0 }

    public static func < (lhs: Citation, rhs: Citation) -> Bool {
        (lhs.order, lhs.framework.map { FrameworkCode.allCases.firstIndex(of: $0) ?? 0 } ?? -1, lhs.id)
            < (rhs.order, rhs.framework.map { FrameworkCode.allCases.firstIndex(of: $0) ?? 0 } ?? -1, rhs.id)
    }
}
