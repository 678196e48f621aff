import Foundation
import Yams

/// `responder.yaml`: which knowledge base and store a workspace uses.
///
/// ```yaml
/// formatVersion: 1
/// kb: Samples/org                  # relative to this file's folder
/// store: .responder/store.sqlite   # or postgres://user@host:5432/db
/// ```
/// `mappings:` may name another mappings folder. Paths are relative to the file's folder.
public struct WorkspaceFile: Sendable, Hashable {
    public static let name = "responder.yaml"
    /// The SQLite store a new workspace gets.
    public static let defaultStore = ".responder/store.sqlite"

    public var kb: String?
    public var store: String?
    public var mappings: String?

    public init(kb: String?, store: String?, mappings: String? = nil) {
        self.kb = kb
        self.store = store
        self.mappings = mappings
    }

    /// Reads the file at `path`.
    /// - Throws: ``WorkflowError`` `.badWorkspaceFile` naming the file (and line when YAML says).
    public static func read(_ path: String) throws -> WorkspaceFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw WorkflowError(.badWorkspaceFile, "\(path): cannot read: \(error.localizedDescription)")
        }
        let node: Any?
        do {
            node = try Yams.load(yaml: text)
        } catch let error as YamlError {
            throw WorkflowError(.badWorkspaceFile, "\(path): not YAML: \(error)")
        }
        guard let map = node as? [String: Any] else {
            throw WorkflowError(.badWorkspaceFile, "\(path):1:1: expected a mapping with kb: and store:")
        }
        for key in map.keys.sorted() where !["formatVersion", "kb", "store", "mappings"].contains(key) {
            throw WorkflowError(.badWorkspaceFile, "\(path): unknown key '\(key)' (expected formatVersion, kb, store, mappings)")
        }
        if let version = map["formatVersion"], "\(version)" != "1" {
            throw WorkflowError(.badWorkspaceFile, "\(path): formatVersion \(version) is not supported (this responder reads 1)")
        }
        func string(_ key: String) throws -> String? {
            guard let value = map[key] else { return nil }
            guard let text = value as? String, !text.isEmpty else {
                throw WorkflowError(.badWorkspaceFile, "\(path): \(key) must be a non-empty string")
            }
            return text
        }
        return WorkspaceFile(kb: try string("kb"), store: try string("store"), mappings: try string("mappings"))
    }

    /// The file's text: formatVersion, then kb, store and mappings when set.
    public var yaml: String {
        var lines = [
            "# responder workspace: `responder` commands run in this folder or below use this knowledge base and store.",
            "formatVersion: 1",
        ]
        if let kb { lines.append("kb: \(Self.quoted(kb))") }
        if let store { lines.append("store: \(Self.quoted(store))") }
        if let mappings { lines.append("mappings: \(Self.quoted(mappings))") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}
