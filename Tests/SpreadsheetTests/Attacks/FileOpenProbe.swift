import Foundation

/// A named pipe that records whether anything opened it for reading.
///
/// A reader that opens a FIFO blocks until a writer appears, so a background thread polling with a
/// non-blocking open for writing is certain to notice: it records the open, feeds the marker and
/// closes. A parser that followed an entity or DTD to this path would therefore be caught, and the
/// marker would show up in what it read.
final class FileOpenProbe: @unchecked Sendable {
    let path: String
    let marker: String
    private let lock = NSLock()
    private var stopped = false
    private var opened = false
    private let finished = DispatchSemaphore(value: 0)

    init(in directory: URL, marker: String) throws {
        path = directory.appendingPathComponent("probe.fifo").path
        self.marker = marker
        guard mkfifo(path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        let thread = Thread { [self] in poll() }
        thread.start()
    }

    private func poll() {
        while !lock.withLock({ stopped }) {
            let descriptor = open(path, O_WRONLY | O_NONBLOCK)
            if descriptor >= 0 {
                lock.withLock { opened = true }
                _ = marker.withCString { write(descriptor, $0, strlen($0)) }
                close(descriptor)
            }
            usleep(1_000)
        }
        finished.signal()
    }

    /// Stops polling; true when something opened the pipe for reading.
    func finish() -> Bool {
        lock.withLock { stopped = true }
        finished.wait()
        return lock.withLock { opened }
    }
}
