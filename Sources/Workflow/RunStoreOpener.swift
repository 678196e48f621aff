import Foundation
import RunStore
import RunStorePostgres
import RunStoreSQLite

/// Opens the store a ``StoreLocation`` names: the one place that knows every implementation
/// (a third store is added here and in its own module).
public enum RunStoreOpener {
    /// Opens (creating and migrating when needed) the store at `location`.
    /// - Throws: ``RunStoreError`` naming the store (never its password): `.damaged` or
    ///   `.newerSchema` when it is refused, `.unavailable` with the cause otherwise.
    public static func open(
        _ location: StoreLocation,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> any RunStore {
        switch location {
        case .sqlite(let path):
            do {
                return try SQLiteRunStore(path: path)
            } catch let error as RunStoreError {
                throw error
            } catch {
                throw RunStoreError(.unavailable, "cannot open the store \(path): \(error)")
            }
        case .postgres(let url):
            let settings = try PostgresStoreSettings(url: url, environment: environment)
            do {
                return try await PostgresRunStore.open(settings)
            } catch let error as RunStoreError {
                throw error
            } catch {
                throw RunStoreError(.unavailable, "cannot open the store \(settings): \(error)")
            }
        }
    }
}
