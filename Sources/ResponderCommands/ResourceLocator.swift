import Foundation

/// Finds a folder that ships with the tool (`Mappings/`, `Mappings/templates`): first in the
/// current directory, then beside the executable and up to five folders above it (the executable
/// sits in `.build/<configuration>/` inside a checkout).
enum ResourceLocator {
    static func find(_ relativePath: String) -> URL? {
        let manager = FileManager.default
        var candidates = [URL(fileURLWithPath: manager.currentDirectoryPath).appendingPathComponent(relativePath)]
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent(relativePath))
            folder.deleteLastPathComponent()
        }
        return candidates.first { manager.fileExists(atPath: $0.path) }
    }
}
