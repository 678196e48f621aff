import Dispatch
import Foundation

/// Computes independent values on every core and returns them in index order, so a caller's
/// output is the same as a serial `map` whatever the threads' timing.
package enum ParallelMap {
    /// `make(0) ..< make(count)` in index order, computed in chunks of `chunkSize` indices spread
    /// over the cores. One chunk or less runs on the calling thread.
    package static func map<Element: Sendable>(
        count: Int, chunkSize: Int, _ make: @Sendable (Int) -> Element
    ) -> [Element] {
        precondition(chunkSize > 0, "a chunk holds at least one index")
        let chunks = count / chunkSize + (count % chunkSize == 0 ? 0 : 1)
        guard chunks > 1 else { return (0..<count).map(make) }
        let slots = Slots<Element>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * chunkSize
            slots.store((start..<min(count, start + chunkSize)).map(make), at: chunk)
        }
        return slots.joined()
    }

    /// One slot of values per chunk. Unchecked Sendable because every access holds the lock
    /// (`Mutex` needs macOS 15; the package supports 13); the lock is taken once per chunk.
    private final class Slots<Element: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [[Element]]

        init(count: Int) { values = Array(repeating: [], count: count) }

        func store(_ chunk: [Element], at index: Int) {
            lock.withLock { values[index] = chunk }
        }

        func joined() -> [Element] {
            lock.withLock { values.flatMap { $0 } }
        }
    }
}
