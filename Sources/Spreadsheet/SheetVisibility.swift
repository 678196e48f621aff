/// A sheet's `state` attribute in the workbook part.
public enum SheetVisibility: String, Sendable, Hashable {
    case visible
    case hidden
    case veryHidden
}
