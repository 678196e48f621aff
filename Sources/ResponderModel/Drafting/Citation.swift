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
    public var id: String

    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }

    private var order: Int { Kind.allCases.firstIndex(of: kind) ?? 0 }

    public static func < (lhs: Citation, rhs: Citation) -> Bool {
        (lhs.order, lhs.id) < (rhs.order, rhs.id)
    }
}
