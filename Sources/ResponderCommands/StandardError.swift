import Foundation

/// Writes a line to standard error (diagnostics, progress), keeping standard output for results.
/// Control characters are shown escaped (``TerminalText``): lines name buyers' files, sheets,
/// questions and keys, which must not drive the terminal.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((TerminalText.safe(line) + "\n").utf8))
}
