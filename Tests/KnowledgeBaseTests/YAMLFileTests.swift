import ResponderModel
import Testing
@testable import KnowledgeBase

@Suite struct YAMLFileTests {
    @Test(arguments: [
        ("formatVersion: 2\n", "soa.yaml:1:16: error: unsupported format version 2 (this build reads 1)"),
        ("controls: []\n", "soa.yaml:1:1: error: missing required key 'formatVersion'"),
        ("formatVersion: one\n", "soa.yaml:1:16: error: 'formatVersion' must be an integer"),
    ])
    func rejectsBadFormatVersion(text: String, expected: String) {
        var diagnostics = DiagnosticCollector()
        #expect(YAMLFile(text: text, path: "soa.yaml", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.diagnostics.map(\.description) == [expected])
    }

    @Test func acceptsVersionOne() {
        var diagnostics = DiagnosticCollector()
        #expect(YAMLFile(text: "formatVersion: 1\ncontrols: []\n", path: "soa.yaml", diagnostics: &diagnostics) != nil)
        #expect(diagnostics.diagnostics.isEmpty)
    }
}
