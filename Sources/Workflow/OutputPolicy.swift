import Foundation

/// The rule every command applies to a path before it writes an output there: the name says
/// what is written (a review workbook ends `.xlsx`, a CSV questionnaire's copy `.csv`), a file
/// already there is kept unless the user forces it, and the buyer's input is never an output,
/// forced or not.
///
/// It only checks; writing stays with the caller (atomically, through a temporary file).
public struct OutputPolicy: Sendable, Hashable {
    /// What an output holds, and the extensions that may name it.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case xlsx
        /// Delimited text: a CSV questionnaire (comma, semicolon or tab) or a CSV draft.
        case csv
        case json
        case markdown
        case html
        case yaml

        /// The extensions (lowercase, without the dot) a file of this format may carry; the first is
        /// the one to suggest.
        public var extensions: [String] {
            switch self {
            case .xlsx: ["xlsx"]
            case .csv: ["csv", "tsv"]
            case .json: ["json"]
            case .markdown: ["md", "markdown"]
            case .html: ["html", "htm"]
            case .yaml: ["yaml", "yml"]
            }
        }

        /// How a message names the format.
        public var name: String {
            switch self {
            case .xlsx: "an XLSX workbook"
            case .csv: "CSV text"
            case .json: "JSON"
            case .markdown: "Markdown"
            case .html: "HTML"
            case .yaml: "YAML"
            }
        }

        /// The format a path's extension names, or nil for an extension none of them uses.
        public init?(path: String) {
            let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
            guard let format = Format.allCases.first(where: { $0.extensions.contains(ext) }) else { return nil }
            self = format
        }
    }

    /// Replace an existing output (never an input).
    public var force: Bool
    /// The files being read (the buyer's questionnaires); none of them may be written.
    public var inputs: [String]

    public init(force: Bool = false, inputs: [String] = []) {
        self.force = force
        self.inputs = inputs
    }

    /// Checks that `path` may receive `format`.
    /// - Parameter source: the input the output is made from, named in the message when the
    ///   extension does not fit (`filled.csv` for `buyer.xlsx`).
    /// - Throws: ``OutputPolicyError`` naming the output (and the input it clashes with).
    public func check(_ path: String, writes format: Format, from source: String? = nil) throws(OutputPolicyError) {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard format.extensions.contains(ext) else {
            throw OutputPolicyError(path: path, reason: .wrongExtension(expected: format, source: source))
        }
        guard let output = FileIdentity(path) else { return }
        if output.isFolder { throw OutputPolicyError(path: path, reason: .isFolder) }
        if let input = inputs.first(where: { FileIdentity($0) == output }) {
            throw OutputPolicyError(path: path, reason: .isInput(input))
        }
        if !force { throw OutputPolicyError(path: path, reason: .exists) }
    }
}

/// A file as the file system knows it (device and inode), so two names of one file compare equal
/// whatever links, `..` or letter case lead to it.
private struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var isFolder: Bool

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isFolder = (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func == (left: FileIdentity, right: FileIdentity) -> Bool {
        left.device == right.device && left.inode == right.inode
    }
}
