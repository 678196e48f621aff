import Foundation

/// Locates files for tests relative to the test source file, so tests need no bundle resources.
public enum Fixtures {
    /// The repository root (the folder holding Package.swift).
    public static func repositoryRoot(filePath: StaticString = #filePath) -> URL {
        var url = URL(fileURLWithPath: "\(filePath)")
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(filePath)")
    }

    /// The `Fixtures` folder beside the calling test file.
    public static func folder(filePath: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Fixtures")
    }
}
