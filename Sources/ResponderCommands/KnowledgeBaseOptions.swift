import ArgumentParser
import Foundation
import KnowledgeBase
import RunStore
import Workflow

/// The workspace options plus the mappings folder, for the commands that load the knowledge base
/// (drafting, checking, searching, exporting, and edits, which are checked against the evidence).
struct KnowledgeBaseOptions: ParsableArguments {
    @OptionGroup var location: WorkspaceOptions

    @Option(name: .long, help: "The mappings folder (catalogue, crosswalks, thesaurus); default: the workspace's, else Mappings/ beside the executable or in the current directory.")
    var mappings: String?

    func workspace() throws -> Workspace { try location.workspace(mappings: mappings) }

    func kbFolder(_ workspace: Workspace) throws -> String { try location.kbFolder(workspace) }

    func openStore(_ workspace: Workspace) async throws -> any RunStore { try await location.openStore(workspace) }

    func mappingsFolder(_ workspace: Workspace) -> URL {
        if let mappings = workspace.mappings { return URL(fileURLWithPath: mappings) }
        return ResourceLocator.find("Mappings") ?? URL(fileURLWithPath: "Mappings")
    }

    /// Loads the mappings and the organisation folder.
    func load(_ workspace: Workspace) throws -> KnowledgeBaseLoader.Result {
        KnowledgeBaseLoader.load(mappings: mappingsFolder(workspace).path, organisation: try kbFolder(workspace))
    }
}
