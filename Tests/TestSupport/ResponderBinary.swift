import Foundation

/// Runs the built `responder` executable, as a user would, for end-to-end tests.
public enum ResponderBinary {
    /// What a run printed and returned.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The executable in the products folder beside the test bundle.
    public static var url: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // The test runner may sit inside `responderPackageTests.xctest/...`; climb to the products folder.
        while !folder.path.isEmpty && folder.path != "/" {
            let candidate = folder.appendingPathComponent("responder")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return Fixtures.repositoryRoot().appendingPathComponent(".build/debug/responder")
    }

    /// Runs `responder` with `arguments` in `directory` (default: the repository root).
    public static func run(_ arguments: [String], in directory: URL? = nil, stdin: Data? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Fixtures.repositoryRoot()
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs so a large output cannot block it.
        nonisolated(unsafe) var errorData = Data()
        let reader = Thread { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }
}
