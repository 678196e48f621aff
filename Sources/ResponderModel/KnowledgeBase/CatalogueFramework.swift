/// A framework as its catalogue files describe it (`framework`, `title`, `version` at their top).
public struct CatalogueFramework: Sendable, Hashable, Codable {
    public var code: FrameworkCode
    /// Display name (`ISO/IEC 27001`).
    public var title: String
    /// The edition catalogued (`2022`).
    public var version: String
    /// Words and phrases that say a question is about this framework's subject (`ai`, `machine
    /// learning`; `model*` for a prefix). Naming one lets a weaker match count as in scope.
    public var subjects: [String]
    /// True when a weak match counts only with the subject named (`subjectRequired: true`): a
    /// framework whose entries speak the general language of management systems (leadership,
    /// policy, resources) would otherwise claim any question that uses it.
    public var subjectRequired: Bool

    public init(code: FrameworkCode, title: String, version: String, subjects: [String] = [], subjectRequired: Bool = false) {
        self.code = code
        self.title = title
        self.version = version
        self.subjects = subjects
        self.subjectRequired = subjectRequired
    }
}
