import Foundation

/// The formats an ``EvidencePack`` is written in, chosen by the output's extension.
public enum EvidencePackFormat: String, Sendable, Hashable, CaseIterable {
    case html, md

    /// The extensions a pack of this format may be written to.
    public var fileExtensions: [String] {
        switch self {
        case .html: ["html", "htm"]
        case .md: ["md", "markdown"]
        }
    }

    /// The format a path's extension names (case-insensitive), nil for any other extension.
    public init?(path: String) {
        let suffix = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let format = Self.allCases.first(where: { $0.fileExtensions.contains(suffix) }) else { return nil }
        self = format
    }

    /// The pack rendered in this format.
    public func render(_ pack: EvidencePack) -> String {
        switch self {
        case .html: EvidencePackHTMLRenderer.render(pack)
        case .md: EvidencePackMarkdownRenderer.render(pack)
        }
    }
}
