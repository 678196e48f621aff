import ResponderModel

/// Why a workspace, knowledge base or store could not be used; the message says what to do.
public struct WorkflowError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// `--kb` or `kb:` names something that is not a knowledge-base folder.
        case notAKnowledgeBase
        /// No `--kb` and no workspace naming one.
        case noKnowledgeBase
        /// No `--store` and no workspace to hold one.
        case noWorkspace
        /// `responder.yaml` cannot be read, or `init` would overwrite one.
        case badWorkspaceFile
        /// The knowledge base has errors (see the diagnostics).
        case knowledgeBaseErrors
        /// An option that does not fit the knowledge base (`--system`, `--framework`).
        case badOption
        /// Two inputs of one batch would write outputs of the same name.
        case outputCollision
    }

    public var kind: Kind
    public var message: String
    /// The knowledge base's error diagnostics, for `.knowledgeBaseErrors`.
    public var diagnostics: [Diagnostic]

    public init(_ kind: Kind, _ message: String, diagnostics: [Diagnostic] = []) {
        self.kind = kind
        self.message = message
        self.diagnostics = diagnostics
    }

    public var description: String { message }
}
