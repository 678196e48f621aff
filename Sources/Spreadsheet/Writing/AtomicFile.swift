import Foundation

/// How outputs are replaced atomically: written to a temporary file beside the destination, named
/// after it (`.filled.xlsx.tmp-3F9A1C2B`), and renamed over it once complete.
///
/// A failure removes the temporary file. A process killed half-way cannot, so every write first
/// removes the temporary files an earlier write of the *same* destination left behind (any
/// `.NAME.tmp-*` beside it); two processes writing the same output at once are not supported.
package enum AtomicFile {
    /// The prefix every temporary file for `destination` starts with.
    package static func temporaryPrefix(for destination: URL) -> String { ".\(destination.lastPathComponent).tmp-" }

    /// A new temporary file name beside `destination`, after removing stale ones.
    package static func temporaryFile(for destination: URL) -> URL {
        removeStaleTemporaryFiles(for: destination)
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16, uppercase: true)
        return destination.deletingLastPathComponent().appendingPathComponent(temporaryPrefix(for: destination) + suffix)
    }

    /// Removes the temporary files an interrupted write of `destination` left beside it.
    package static func removeStaleTemporaryFiles(for destination: URL) {
        let folder = destination.deletingLastPathComponent()
        let prefix = temporaryPrefix(for: destination)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Moves a complete temporary file over `destination`; removes it when that fails.
    /// - Throws: a `CocoaError` naming why the rename failed.
    package static func moveIntoPlace(_ temporary: URL, _ destination: URL) throws {
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot move the new file into place: \(reason)"])
        }
    }

    /// Writes `data` to `destination` through a temporary file beside it.
    /// - Throws: the error that stopped the write; no temporary file is left behind.
    package static func write(_ data: Data, to destination: URL) throws {
        let temporary = temporaryFile(for: destination)
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        try moveIntoPlace(temporary, destination)
    }
}
