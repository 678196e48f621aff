import Foundation

/// What counts as a knowledge-base folder: an existing folder with an `organisation.yaml`.
///
/// Checked before anything is opened or created, so a misspelt `--kb` is refused by every
/// command and never turns into a new folder.
public enum KnowledgeBaseFolder {
    /// The file every knowledge base has.
    public static let markerFile = "organisation.yaml"

    /// Refuses `path` unless it is a knowledge-base folder.
    /// - Throws: ``WorkflowError`` `.notAKnowledgeBase`, naming the path and what is missing.
    public static func check(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw WorkflowError(
                .notAKnowledgeBase,
                "\(path) does not exist: give --kb the knowledge-base folder "
                    + "(the one with \(markerFile))")
        }
        guard isFolder.boolValue else {
            throw WorkflowError(
                .notAKnowledgeBase,
                "\(path) is not a folder: give --kb the knowledge-base folder "
                    + "(the one with \(markerFile))")
        }
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).appendingPathComponent(markerFile).path) else {
            throw WorkflowError(.notAKnowledgeBase, "\(path) is not a knowledge base: it has no \(markerFile)")
        }
    }
}
