import Foundation

/// The work one read did: bytes decompressed from an archive and worksheet rows parsed. Attack
/// tests check these against the caps instead of timing the read, so a refusal is shown to stop
/// early on any machine.
final class ReadCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var inflated = 0
    private var rows = 0

    init() {}

    /// Bytes decompression produced, including what a refused part produced before it stopped.
    var bytesInflated: Int { lock.withLock { inflated } }
    /// Worksheet rows parsed.
    var rowsRead: Int { lock.withLock { rows } }

    func addInflated(_ count: Int) { lock.withLock { inflated += count } }
    func addRow() { lock.withLock { rows += 1 } }
}
