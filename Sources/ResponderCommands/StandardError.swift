import Foundation

/// Writes a line to standard error (diagnostics, progress), keeping standard output for results.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
