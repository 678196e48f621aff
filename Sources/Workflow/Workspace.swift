import Foundation
import RunStore

/// Where a command's knowledge base, mappings, store and search index are: found from the
/// nearest `responder.yaml` above the current folder (as git finds a repository), with `--kb`
/// and `--store` overriding it.
///
/// Runs, decisions and learned answers belong to the workspace's store, never to the
/// knowledge-base folder, so copying a knowledge base copies none of them.
public struct Workspace: Sendable, Hashable {
    /// The folder holding `responder.yaml`, or nil when none was found.
    public var folder: URL?
    /// The knowledge-base folder (absolute): `--kb`, else the workspace's, else the current folder when
    /// it is a knowledge base; nil when none of these gives one.
    public var kb: String?
    /// The mappings folder when `--mappings` or the workspace names one.
    public var mappings: String?
    /// The store, or nil when neither `--store` nor a workspace gives one.
    public var store: StoreLocation?

    /// The overrides a command was given.
    public struct Overrides: Sendable, Hashable {
        public var kb: String?
        public var store: String?
        public var mappings: String?

        public init(kb: String? = nil, store: String? = nil, mappings: String? = nil) {
            self.kb = kb
            self.store = store
            self.mappings = mappings
        }
    }

    public init(folder: URL?, kb: String?, mappings: String?, store: StoreLocation?) {
        self.folder = folder
        self.kb = kb
        self.mappings = mappings
        self.store = store
    }

    /// The folder holding the nearest `responder.yaml` at or above `start`, or nil.
    public static func findFolder(from start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(WorkspaceFile.name).path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The workspace seen from `directory` with `overrides` applied. A knowledge base that is
    /// named (by `--kb` or the workspace) is checked here, so a misspelt one is refused before
    /// anything is opened or created.
    /// - Throws: ``WorkflowError`` for an unreadable `responder.yaml` or a path that is not a
    ///   knowledge base.
    public static func resolve(from directory: URL, overrides: Overrides) throws -> Workspace {
        let folder = findFolder(from: directory)
        let file = try folder.map { try WorkspaceFile.read($0.appendingPathComponent(WorkspaceFile.name).path) }
        func absolute(_ path: String, against base: URL) -> String {
            path.hasPrefix("/")
                ? URL(fileURLWithPath: path).standardizedFileURL.path
                : base.appendingPathComponent(path).standardizedFileURL.path
        }
        var kb: String?
        if let override = overrides.kb {
            kb = absolute(override, against: directory)
        } else if let folder, let configured = file?.kb {
            kb = absolute(configured, against: folder)
        } else if (try? KnowledgeBaseFolder.check(directory.path)) != nil {
            // Run inside a knowledge-base folder with no workspace around it (`kb check` there).
            kb = directory.standardizedFileURL.path
        }
        if let kb { try KnowledgeBaseFolder.check(kb) }
        var mappings: String?
        if let override = overrides.mappings {
            mappings = absolute(override, against: directory)
        } else if let folder, let configured = file?.mappings {
            mappings = absolute(configured, against: folder)
        }
        var store: StoreLocation?
        if let override = overrides.store {
            store = StoreLocation(override, relativeTo: directory)
        } else if let folder {
            store = StoreLocation(file?.store ?? WorkspaceFile.defaultStore, relativeTo: folder)
        }
        return Workspace(folder: folder, kb: kb, mappings: mappings, store: store)
    }

    /// Writes `responder.yaml` into `folder` (`responder init`).
    /// - Parameters:
    ///   - kb: the knowledge-base folder as given (checked; stored relative to `folder` when it is below it).
    ///   - store: a store URL or path, default ``WorkspaceFile/defaultStore``.
    /// - Throws: ``WorkflowError`` when `kb` is not a knowledge base or the file already exists.
    @discardableResult
    public static func create(in folder: URL, kb: String, store: String?, from directory: URL) throws -> WorkspaceFile {
        let kbURL = (kb.hasPrefix("/") ? URL(fileURLWithPath: kb) : directory.appendingPathComponent(kb)).standardizedFileURL
        try KnowledgeBaseFolder.check(kbURL.path)
        let path = folder.appendingPathComponent(WorkspaceFile.name).path
        guard !FileManager.default.fileExists(atPath: path) else {
            throw WorkflowError(.badWorkspaceFile, "\(path) already exists; edit it, or remove it to start again")
        }
        let base = folder.standardizedFileURL.path + "/"
        let relativeKB = kbURL.path.hasPrefix(base) ? String(kbURL.path.dropFirst(base.count)) : kbURL.path
        var storeText = store ?? WorkspaceFile.defaultStore
        if case .sqlite(let absolutePath) = StoreLocation(storeText, relativeTo: directory), absolutePath.hasPrefix(base) {
            storeText = String(absolutePath.dropFirst(base.count))
        } else if case .sqlite(let absolutePath) = StoreLocation(storeText, relativeTo: directory) {
            storeText = absolutePath
        }
        let file = WorkspaceFile(kb: relativeKB.isEmpty ? "." : relativeKB, store: storeText)
        do {
            try Data(file.yaml.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw WorkflowError(.badWorkspaceFile, "cannot write \(path): \(error.localizedDescription)")
        }
        return file
    }

    /// The knowledge-base folder.
    /// - Throws: ``WorkflowError`` `.noKnowledgeBase` when none is named.
    public func requireKB() throws -> String {
        guard let kb else {
            throw WorkflowError(
                .noKnowledgeBase,
                "no knowledge base: give --kb DIR, or run `responder init --kb DIR` here "
                    + "to make this folder a workspace")
        }
        return kb
    }

    /// The store.
    /// - Throws: ``WorkflowError`` `.noWorkspace` when neither `--store` nor a workspace gives one.
    public func requireStore() throws -> StoreLocation {
        guard let store else {
            throw WorkflowError(
                .noWorkspace,
                "no workspace here (no \(WorkspaceFile.name) in this folder or above): run "
                    + "`responder init --kb DIR`, or give --store PATH_OR_URL")
        }
        return store
    }

    /// Where the knowledge base's search index is kept: `.responder/kb-index.sqlite` in the
    /// workspace, beside a SQLite store without one, or nil (kept in memory).
    public var indexPath: String? {
        if let folder { return folder.appendingPathComponent(".responder/kb-index.sqlite").path }
        if case .sqlite(let path) = store {
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("kb-index.sqlite").path
        }
        return nil
    }
}
