import Foundation
import Logging
import PostgresNIO
import RunStore
import RunStorePostgres
import RunStoreSQLite
import Testing

/// The stores every case of the suite runs against.
///
/// PostgreSQL cases need `RESPONDER_TEST_POSTGRES_URL` (a database the tests may create databases
/// from), which `scripts/test.sh` sets after starting a throw-away cluster. Without it they fail,
/// saying so, unless `RESPONDER_TEST_SKIP_POSTGRES=1` disables them explicitly (the script never sets it).
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static let urlVariable = "RESPONDER_TEST_POSTGRES_URL"
    static let skipVariable = "RESPONDER_TEST_SKIP_POSTGRES"

    var testDescription: String { rawValue }

    /// The kinds to run: PostgreSQL only when not explicitly disabled.
    static var enabled: [StoreKind] {
        ProcessInfo.processInfo.environment[skipVariable] == "1" ? [.sqlite] : allCases
    }

    /// A new, empty store of this kind, removed (SQLite) or left in the throw-away cluster (PostgreSQL).
    func scratch() async throws -> ScratchStore {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("RunStoreTests-\(UUID().uuidString)")
            let path = folder.appendingPathComponent("store.sqlite").path
            return ScratchStore(kind: self, store: try SQLiteRunStore(path: path), location: .sqlite(path: path), folder: folder)
        case .postgres:
            let url = try Self.postgresURL()
            let database = "responder_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let settings = try PostgresStoreSettings(url: url)
            try await Self.withAdminConnection(settings) { connection in
                _ = try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(database)"), logger: Logger(label: "test"))
            }
            var databaseSettings = settings
            databaseSettings.database = database
            let databaseURL = "postgres://\(settings.user)@\(settings.host):\(settings.port)/\(database)"
            return ScratchStore(
                kind: self, store: try await PostgresRunStore.open(databaseSettings), location: .postgres(url: databaseURL),
                folder: nil, postgres: databaseSettings)
        }
    }

    /// The PostgreSQL URL the test script exported.
    static func postgresURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[urlVariable], !url.isEmpty else {
            let message =
                "\(urlVariable) is not set: run scripts/test.sh, which starts a throw-away PostgreSQL cluster and sets it "
                + "(or set \(skipVariable)=1 to leave PostgreSQL out on purpose)"
            Issue.record(Comment(rawValue: message))
            throw MissingPostgres()
        }
        return url
    }

    struct MissingPostgres: Error {}

    static func withAdminConnection<T: Sendable>(
        _ settings: PostgresStoreSettings,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let configuration = PostgresConnection.Configuration(
            host: settings.host, port: settings.port, username: settings.user,
            password: settings.password, database: settings.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "test"))
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
