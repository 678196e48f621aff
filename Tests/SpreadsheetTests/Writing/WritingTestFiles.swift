import Foundation
import ZIPFoundation

/// Archive and folder helpers shared by the writing tests.
enum WritingTestFiles {
    struct Entry {
        var name: String
        var data: Data
    }

    /// Every entry of an archive, in stored order, with its uncompressed bytes.
    static func entries(of url: URL) throws -> [Entry] {
        let archive = try Archive(url: url, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return Entry(name: entry.path, data: data)
        }
    }

    /// `unzip -t` when the tool is installed; true when it is not (the check is then skipped).
    static func unzipTest(_ url: URL) throws -> Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else { return true }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-tq", url.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
