import Foundation

/// A file holding one fuzz input, since the XLSX reader opens archives by path. Each call gets its
/// own name, so tests replaying inputs in parallel never share one; the file is removed with the value.
final class ScratchFile {
    let path: String

    /// Writes `data` to a new file in `FUZZ_SCRATCH_DIR` (the fuzz script points it at a folder
    /// it owns) or the temporary folder.
    init(holding data: Data) throws {
        let folder = ProcessInfo.processInfo.environment["FUZZ_SCRATCH_DIR"] ?? NSTemporaryDirectory()
        path = (folder as NSString).appendingPathComponent("responder-fuzz-\(UUID().uuidString).xlsx")
        try data.write(to: URL(fileURLWithPath: path))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
