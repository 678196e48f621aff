/// What the caller fixes about detection. Overrides beat templates, templates beat detection.
public struct DetectionOptions: Sendable, Hashable {
    /// Only these sheets, when not empty.
    public var sheets: [String]
    public var columns: ColumnOverrides?
    public var templates: [TemplateProfile]

    public init(sheets: [String] = [], columns: ColumnOverrides? = nil, templates: [TemplateProfile] = []) {
        self.sheets = sheets
        self.columns = columns
        self.templates = templates
    }
}
