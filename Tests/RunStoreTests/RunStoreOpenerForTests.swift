import RunStore
import Workflow

/// Opens a second handle on a scratch store, as another process would.
enum RunStoreOpenerForTests {
    static func open(_ location: StoreLocation) async throws -> any RunStore {
        try await RunStoreOpener.open(location)
    }
}
