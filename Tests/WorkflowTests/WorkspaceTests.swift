import Foundation
import RunStore
import Testing
import TestSupport
import Workflow

/// Finding the workspace, reading `responder.yaml`, and refusing what is not a knowledge base.
@Suite struct WorkspaceTests {
    /// A scratch folder holding a copy of the sample knowledge base as `my-kb`.
    static func scratch() throws -> ScratchFolder {
        let scratch = try ScratchFolder("WorkspaceTests")
        try scratch.copy(Fixtures.repositoryRoot().appendingPathComponent("Samples/org"), to: "my-kb")
        return scratch
    }

    @Test func initWritesAFileThatIsFoundFromBelow() throws {
        let scratch = try Self.scratch()
        try Workspace.create(in: scratch.url, kb: "my-kb", store: nil, from: scratch.url)
        let text = try String(contentsOf: scratch.url.appendingPathComponent("responder.yaml"), encoding: .utf8)
        #expect(text.hasSuffix("formatVersion: 1\nkb: \"my-kb\"\nstore: \".responder/store.sqlite\"\n"))
        let below = scratch.url.appendingPathComponent("my-kb")
        let workspace = try Workspace.resolve(from: below, overrides: .init())
        #expect(workspace.folder?.standardizedFileURL.path == scratch.url.standardizedFileURL.path)
        #expect(workspace.kb == scratch.url.appendingPathComponent("my-kb").standardizedFileURL.path)
        #expect(workspace.store == .sqlite(path: scratch.url.appendingPathComponent(".responder/store.sqlite").standardizedFileURL.path))
        #expect(workspace.indexPath == scratch.url.appendingPathComponent(".responder/kb-index.sqlite").path)
        let error = #expect(throws: WorkflowError.self) { try Workspace.create(in: scratch.url, kb: "my-kb", store: nil, from: scratch.url) }
        #expect(error?.kind == .badWorkspaceFile)
    }

    @Test func overridesWinAndAPostgresStoreKeepsItsURL() throws {
        let scratch = try Self.scratch()
        try Workspace.create(in: scratch.url, kb: "my-kb", store: "postgres://ana@db.example:5432/responder", from: scratch.url)
        let workspace = try Workspace.resolve(from: scratch.url, overrides: .init(store: "other.sqlite"))
        #expect(workspace.store == .sqlite(path: scratch.url.appendingPathComponent("other.sqlite").standardizedFileURL.path))
        let configured = try Workspace.resolve(from: scratch.url, overrides: .init())
        #expect(configured.store == .postgres(url: "postgres://ana@db.example:5432/responder"))
        #expect(StoreLocation.postgres(url: "postgres://ana:s3cret@db:5432/x").description == "postgres://ana@db:5432/x")
    }

    @Test(arguments: [("my-kbb", "does not exist"), ("my-kb/soa.yaml", "is not a folder"), (".", "has no organisation.yaml")])
    func aPathThatIsNotAKnowledgeBaseIsRefusedAndNothingIsCreated(kb: String, says: String) throws {
        let scratch = try Self.scratch()
        let before = scratch.tree
        let error = #expect(throws: WorkflowError.self) { try Workspace.resolve(from: scratch.url, overrides: .init(kb: kb)) }
        #expect(error?.kind == .notAKnowledgeBase)
        #expect(error?.message.contains(says) == true, "\(error?.message ?? "")")
        #expect(#expect(throws: WorkflowError.self) { try Workspace.create(in: scratch.url, kb: kb, store: nil, from: scratch.url) } != nil)
        #expect(scratch.tree == before)
    }

    @Test func insideAKnowledgeBaseWithoutAWorkspaceThatFolderIsTheKnowledgeBase() throws {
        let scratch = try Self.scratch()
        let inside = scratch.url.appendingPathComponent("my-kb")
        let workspace = try Workspace.resolve(from: inside, overrides: .init())
        #expect(workspace.kb == inside.standardizedFileURL.path)
        #expect(workspace.store == nil, "no store is made inside a knowledge base")
    }

    @Test func withoutAWorkspaceTheStoreMustBeNamed() throws {
        let scratch = try Self.scratch()
        let workspace = try Workspace.resolve(from: scratch.url, overrides: .init(kb: "my-kb"))
        #expect(workspace.folder == nil)
        let error = #expect(throws: WorkflowError.self) { try workspace.requireStore() }
        #expect(error?.kind == .noWorkspace)
        #expect(error?.message.contains("responder init") == true)
    }

    @Test(arguments: [
        ("kb: [a]\n", "kb must be a non-empty string"),
        ("formatVersion: 2\nkb: x\n", "formatVersion 2 is not supported"),
        ("kb: x\ncolour: red\n", "unknown key 'colour'"),
    ])
    func aBadWorkspaceFileIsRefusedNamingIt(text: String, says: String) throws {
        let scratch = try Self.scratch()
        let path = scratch.url.appendingPathComponent("responder.yaml")
        try Data(text.utf8).write(to: path)
        let error = #expect(throws: WorkflowError.self) { try Workspace.resolve(from: scratch.url, overrides: .init()) }
        #expect(error?.message.hasPrefix(path.path) == true && error?.message.contains(says) == true, "\(error?.message ?? "")")
    }
}
