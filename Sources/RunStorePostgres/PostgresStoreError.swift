import PostgresNIO

/// A PostgreSQL error, with the server's message and the SQL it answered but never the bound
/// values (answers and evidence can be confidential) nor the password.
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    /// The server's message, or what failed on the client side (connecting, TLS).
    public var message: String
    /// The SQLSTATE code, when the server sent one.
    public var sqlState: String?
    /// The statement that failed, without its values.
    public var sql: String?
    /// The store, as ``PostgresRunStore/location`` prints it.
    public var store: String

    init(message: String, sqlState: String? = nil, sql: String?, store: String) {
        self.message = message
        self.sqlState = sqlState
        self.sql = sql
        self.store = store
    }

    init(_ error: PSQLError, store: String) {
        let server = error.serverInfo
        var message = server?[.message] ?? "\(error.code)"
        if server == nil, let underlying = error.underlying { message += ": \(underlying)" }
        self.init(message: message, sqlState: server?[.sqlState], sql: error.query?.sql, store: store)
    }

    public var description: String {
        var text = "\(store): \(message)"
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let sql { text += " in: \(sql.split(whereSeparator: \.isWhitespace).joined(separator: " "))" }
        return text
    }
}
