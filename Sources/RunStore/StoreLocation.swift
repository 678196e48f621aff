import Foundation

/// Which store a workspace uses: a SQLite file, or a PostgreSQL database named by URL.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// An absolute file path.
    case sqlite(path: String)
    /// A `postgres://` or `postgresql://` URL, password included when it has one.
    case postgres(url: String)

    /// Reads `--store` or `store:`: a PostgreSQL URL, else a file path, made absolute against `folder`.
    public init(_ text: String, relativeTo folder: URL) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if text.hasPrefix("/") {
            self = .sqlite(path: URL(fileURLWithPath: text).standardizedFileURL.path)
        } else {
            self = .sqlite(path: folder.appendingPathComponent(text).standardizedFileURL.path)
        }
    }

    /// The location as it may be printed: a PostgreSQL URL loses its password.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return path
        case .postgres(let url):
            return Self.redacted(url)
        }
    }

    /// `url` without the password of its user part (`postgres://ana:secret@db/x` gives `postgres://ana@db/x`).
    public static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].lastIndex(of: "@") else { return url }
        let user = url[scheme.upperBound..<at]
        guard let colon = user.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + String(url[at...])
    }
}
