import Foundation

/// Golden files for whole outputs. Set `RECORD_GOLDEN=1` to write the current output as the new
/// expectation; otherwise the output must equal the stored file byte for byte.
public enum Golden {
    /// Compares `actual` with the golden file; returns a description of the difference, or nil.
    public static func mismatch(_ actual: Data, goldenFile: URL) -> String? {
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: goldenFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: goldenFile)
            return nil
        }
        guard let expected = try? Data(contentsOf: goldenFile) else {
            return "no golden file at \(goldenFile.path); run with RECORD_GOLDEN=1 to create it"
        }
        guard expected != actual else { return nil }
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let left = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            let right = index < actualLines.count ? String(actualLines[index]) : "<end>"
            if left != right {
                return "\(goldenFile.lastPathComponent):\(index + 1) differs\n  expected: \(left)\n  actual:   \(right)\n(RECORD_GOLDEN=1 re-records)"
            }
        }
        return "\(goldenFile.lastPathComponent) differs"
    }
}
