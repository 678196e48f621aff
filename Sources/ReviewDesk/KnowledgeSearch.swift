import KnowledgeBase
import ResponderModel

/// The knowledge base's FTS5 index (``KnowledgeBaseStore``, what `responder search` uses) behind
/// an actor, since the store owns one connection and requests arrive concurrently.
actor KnowledgeSearch {
    private let index: KnowledgeBaseStore

    /// Opens the index at `path` (nil: in memory) and brings it in step with `content`.
    init(content: KnowledgeBaseContent, path: String?) throws {
        let index = try path.map { try KnowledgeBaseStore(path: $0) } ?? KnowledgeBaseStore()
        try index.synchronise(with: content)
        self.index = index
    }

    /// Best first; internal evidence is never in the index.
    func search(_ text: String, limit: Int) throws -> [KnowledgeBaseStore.Hit] {
        try index.search(text, limit: limit)
    }
}
