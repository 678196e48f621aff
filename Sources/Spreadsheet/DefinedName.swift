/// A workbook-level or sheet-local defined name (`<definedName>`).
public struct DefinedName: Sendable, Hashable {
    public var name: String
    /// The reference as written, for example `Lists!$A$1:$A$4`.
    public var reference: String
    /// The 0-based sheet index when the name is local to one sheet.
    public var localSheetIndex: Int?
    public var isHidden: Bool

    public init(name: String, reference: String, localSheetIndex: Int? = nil, isHidden: Bool = false) {
        self.name = name
        self.reference = reference
        self.localSheetIndex = localSheetIndex
        self.isHidden = isHidden
    }
}
