import ResponderModel

/// A knowledge base as loaded: its content and every problem found while loading.
public struct LoadedKnowledgeBase: Sendable {
    public var content: KnowledgeBaseContent
    public var diagnostics: [Diagnostic]

    public init(content: KnowledgeBaseContent, diagnostics: [Diagnostic]) {
        self.content = content
        self.diagnostics = diagnostics
    }
}
