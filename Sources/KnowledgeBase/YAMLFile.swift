import Foundation
import ResponderModel
import Yams

/// One parsed knowledge-base YAML file whose nodes keep their marks, so every diagnostic about it
/// can name `file:line:column` (1-based).
struct YAMLFile {
    /// The format version this build reads.
    static let supportedFormatVersion = 1

    /// The path as it appears in diagnostics.
    let path: String
    /// The document's top-level mapping.
    let root: Node.Mapping
    let rootNode: Node

    /// Parses `text` and checks it is a mapping with `formatVersion: 1`; reports problems and
    /// returns nil when the file cannot be used.
    init?(text: String, path: String, diagnostics: inout DiagnosticCollector) {
        self.path = path
        let parsed: Node?
        do {
            // Values are read as text (YAMLObject parses numbers, dates and booleans itself), so no
            // scalar needs Yams's implicit tags: resolving them ran a regular expression per scalar
            // and was a third of loading a 100,000-answer library.
            parsed = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            diagnostics.report(.error, at: Self.location(of: error, in: path), "invalid YAML: \(Self.summary(of: error))")
            return nil
        } catch {
            diagnostics.report(.error, at: SourceLocation(file: path, line: 1, column: 1), "invalid YAML: \(error)")
            return nil
        }
        guard let parsed, let mapping = parsed.mapping else {
            diagnostics.report(
                .error, at: SourceLocation(file: path, line: 1, column: 1),
                "expected a mapping with 'formatVersion' at the top level")
            return nil
        }
        rootNode = parsed
        root = mapping
        guard let version = mapping["formatVersion"] else {
            diagnostics.report(.error, at: location(of: parsed), "missing required key 'formatVersion'")
            return nil
        }
        guard let number = version.scalar.flatMap({ Int($0.string) }) else {
            diagnostics.report(.error, at: location(of: version), "'formatVersion' must be an integer")
            return nil
        }
        guard number == Self.supportedFormatVersion else {
            diagnostics.report(
                .error, at: location(of: version),
                "unsupported format version \(number) (this build reads \(Self.supportedFormatVersion))")
            return nil
        }
    }

    /// The location of a node, 1-based; the file's start when the node has no mark.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: path, line: 1, column: 1) }
        return SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    private static func location(of error: YamlError, in path: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            SourceLocation(file: path, line: mark.line, column: mark.column)
        default:
            SourceLocation(file: path, line: 1, column: 1)
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            problem
        default:
            "\(error)"
        }
    }
}
