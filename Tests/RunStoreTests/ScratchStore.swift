import Foundation
import GRDB
import Logging
import PostgresNIO
import RunStore
import RunStorePostgres

/// A fresh store for one test.
final class ScratchStore: Sendable {
    let kind: StoreKind
    let store: any RunStore
    let location: StoreLocation
    let folder: URL?
    let postgres: PostgresStoreSettings?

    init(kind: StoreKind, store: any RunStore, location: StoreLocation, folder: URL?, postgres: PostgresStoreSettings? = nil) {
        self.kind = kind
        self.store = store
        self.location = location
        self.folder = folder
        self.postgres = postgres
    }

    deinit {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs one SQL statement on the store's database directly, past the store's own code.
    func executeRaw(_ sql: String) async throws {
        switch location {
        case .sqlite(let path):
            let queue = try DatabaseQueue(path: path)
            try queue.inDatabase { db in try db.execute(sql: sql) }
        case .postgres:
            guard let postgres else { return }
            try await StoreKind.withAdminConnection(postgres) { connection in
                _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "test"))
            }
        }
    }

    func close() async {
        try? await store.close()
    }
}
