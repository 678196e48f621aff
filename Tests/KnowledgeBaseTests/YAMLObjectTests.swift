import ResponderModel
import Testing
@testable import KnowledgeBase

@Suite struct YAMLObjectTests {
    private func object(_ text: String, _ diagnostics: inout DiagnosticCollector) -> YAMLObject? {
        guard let file = YAMLFile(text: "formatVersion: 1\nitem:\n" + text, path: "x.yaml", diagnostics: &diagnostics),
            let node = file.root["item"]
        else { return nil }
        return YAMLObject(node, in: file, allowed: ["id", "date", "status", "flag", "list"], diagnostics: &diagnostics)
    }

    @Test(arguments: [
        ("  id: A\n  colour: red\n", "x.yaml:4:3: error: unknown key 'colour' (allowed: date, flag, id, list, status)"),
        ("  id: A\n  date: 2026-02-30\n", "x.yaml:4:9: error: invalid date '2026-02-30' for 'date' (expected a real YYYY-MM-DD date)"),
        ("  id: A\n  status: done\n", "x.yaml:4:11: error: invalid status 'done' (allowed: implemented, partial, planned, not_applicable)"),
        ("  id: A\n  flag: maybe\n", "x.yaml:4:9: error: 'flag' must be true or false"),
        ("  id: A\n  list: text\n", "x.yaml:4:9: error: 'list' must be a list"),
        ("  date: 2026-01-01\n", "x.yaml:3:3: error: missing required key 'id'"),
    ])
    func reportsLocatedErrors(text: String, expected: String) {
        var diagnostics = DiagnosticCollector()
        guard let object = object(text, &diagnostics) else { Issue.record("no object"); return }
        _ = object.string("id", required: true, diagnostics: &diagnostics)
        _ = object.date("date", required: false, diagnostics: &diagnostics)
        _ = object.value("status", as: ControlStatus.self, required: false, diagnostics: &diagnostics)
        if object.mapping["flag"] != nil { _ = object.bool("flag", diagnostics: &diagnostics) }
        _ = object.strings("list", required: false, diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.map(\.description) == [expected])
    }
}
