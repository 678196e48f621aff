/// Why an output path was refused; the message names the path (and the input it clashes with)
/// and the way out.
public struct OutputPolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The extension does not name what would be written.
        case wrongExtension(expected: OutputPolicy.Format, source: String?)
        /// A file is there and `--force` was not given.
        case exists
        /// The path is one of the inputs (the same file, by any name).
        case isInput(String)
        /// The path is a folder.
        case isFolder
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case let .wrongExtension(expected, source):
            let what = source.map { "\(expected.name) (from \($0))" } ?? expected.name
            return "\(path): the output would hold \(what); give it a name ending .\(expected.extensions[0])"
        case .exists:
            return "\(path) exists and is kept; add --force to replace it, or choose another name"
        case let .isInput(input):
            return "\(path) is the input \(input); the buyer's file is never overwritten, choose another output name"
        case .isFolder:
            return "\(path) is a folder; name the output file"
        }
    }
}
