import Foundation
import KnowledgeBase
import ResponderModel
import TestSupport

/// The bundled sample organisation with the shipped mappings, loaded once for every suite that
/// drafts against it (each suite loading its own copy read and validated the same files again).
enum SampleKnowledgeBase {
    static let content = KnowledgeBaseLoader.load(
        mappings: Fixtures.repositoryRoot().appendingPathComponent("Mappings").path,
        organisation: Fixtures.repositoryRoot().appendingPathComponent("Samples/org").path
    ).content
}
