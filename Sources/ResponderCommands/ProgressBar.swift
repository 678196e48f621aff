import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar {
    let total: Int
    private let enabled = isatty(FileHandle.standardError.fileDescriptor) != 0

    init(total: Int) {
        self.total = total
    }

    func update(done: Int, current: String) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let name = URL(fileURLWithPath: current).lastPathComponent
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(name.prefix(40))\u{1B}[K".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
