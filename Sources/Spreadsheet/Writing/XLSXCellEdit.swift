/// One cell to overwrite with text, for ``XLSXCellPatcher``.
public struct XLSXCellEdit: Sendable, Hashable {
    /// The worksheet part inside the archive, e.g. `xl/worksheets/sheet2.xml`.
    public var part: String
    public var cell: CellAddress
    /// Written as an inline string, never as a formula (a leading `=` stays text).
    public var text: String

    public init(part: String, cell: CellAddress, text: String) {
        self.part = part
        self.cell = cell
        self.text = text
    }
}
