import Foundation
import RunStore

/// How to reach a PostgreSQL run store, read from a `postgres://user[:password]@host[:port]/database`
/// URL (`?sslmode=require|prefer|disable`, default `disable`).
///
/// The password comes from the URL, else `PGPASSWORD`, else the `.pgpass` file (`PGPASSFILE` or
/// `~/.pgpass`, with libpq's `host:port:database:user:password` lines and `*` wildcards). It is
/// never part of ``description``.
public struct PostgresStoreSettings: Sendable, Hashable, CustomStringConvertible {
    /// Whether and how to use TLS.
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Reads `url`, taking a missing password from `environment` and the `.pgpass` file.
    /// - Throws: ``RunStoreError`` `.badLocation` for a URL that cannot be read.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let shown = StoreLocation.redacted(url)
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw RunStoreError(.badLocation, "\(shown): not a postgres://user@host:port/database URL")
        }
        guard let host = components.host, !host.isEmpty else {
            throw RunStoreError(.badLocation, "\(shown): the URL names no host")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        var mode = TLSMode.disable
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value ?? "" {
                case "disable", "allow": mode = .disable
                case "prefer": mode = .prefer
                case "require", "verify-ca", "verify-full": mode = .require
                default: throw RunStoreError(.badLocation, "\(shown): sslmode '\(item.value ?? "")' is not disable, prefer or require")
                }
            default:
                throw RunStoreError(.badLocation, "\(shown): unknown URL parameter '\(item.name)' (only sslmode is read)")
            }
        }
        tls = mode
        password =
            components.password.map { $0.removingPercentEncoding ?? $0 }
            ?? environment["PGPASSWORD"]
            ?? PgPassFile.password(host: host, port: port, database: database, user: user, environment: environment)
    }

    /// `postgres://user@host:port/database`, never with the password.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (tls == .disable ? "" : "?sslmode=\(tls.rawValue)")
    }
}
