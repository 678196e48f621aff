import Foundation
import Testing
import KnowledgeBase
import ResponderModel
import TestSupport

/// One Statement of Applicability per framework, each checked against its own framework's
/// catalogue, on a two-framework fixture whose IDs collide (A.5.2 and 6.1.2 in both).
@Suite struct FrameworkApplicabilityTests {
    static let fixture = Fixtures.folder().appendingPathComponent("frameworks").path

    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        /// File to edit, relative to the fixture; nil `find` deletes it.
        var file: String
        var find: String?
        var replace: String = ""
        var message: String
        /// Where the finding must point (`soa-iso27001.yaml:20:5`).
        var located: String
        var testDescription: String { name }
    }

    static func load(_ folder: String) -> KnowledgeBaseLoader.Result {
        KnowledgeBaseLoader.load(mappings: folder + "/Mappings", organisation: folder + "/org")
    }

    /// Load errors and check findings of a copy of the fixture with `edit` applied.
    static func findings(_ edit: Edit) throws -> [Diagnostic] {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("kb-frameworks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temp) }
        try FileManager.default.copyItem(atPath: fixture, toPath: temp.path)
        let path = temp.appendingPathComponent(edit.file).path
        if let find = edit.find {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(find), "\(edit.file) holds \(find)")
            try text.replacingOccurrences(of: find, with: edit.replace).write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.removeItem(atPath: path)
        }
        let loaded = load(temp.path)
        return loaded.diagnostics
            + KnowledgeBaseChecker.check(
                loaded.content, organisation: temp.path + "/org",
                mappings: temp.path + "/Mappings", asOf: "2026-11-23")
    }

    @Test func loadsBothFrameworksWithTheirOwnIDs() {
        let loaded = Self.load(Self.fixture)
        #expect(loaded.diagnostics.map(\.description) == [])
        let content = loaded.content
        #expect(content.frameworks.map(\.code) == [.iso42001, .iso27001])
        #expect(content.frameworks.map(\.title) == ["ISO/IEC 42001", "ISO/IEC 27001"])
        #expect(
            content.catalogue.map(\.ref.description).sorted()
                == ["iso27001:6.1.2", "iso27001:A.5.2", "iso27001:A.8.24", "iso42001:6.1.2", "iso42001:A.5.2"])
        #expect(content.applicabilityFiles == [.iso42001: "soa.yaml", .iso27001: "soa-iso27001.yaml"])
        #expect(
            content.applicability.map(\.ref.description)
                == ["iso42001:6.1.2", "iso42001:A.5.2", "iso27001:6.1.2", "iso27001:A.5.2", "iso27001:A.8.24"])
        #expect(content.library.first?.controls == [ControlRef(.iso42001, "A.5.2"), ControlRef(.iso27001, "A.5.2")])
        #expect(content.catalogue.first { $0.ref == ControlRef(.iso42001, "6.1.2") }?.related == [ControlRef(.iso27001, "6.1.2")])
        #expect(content.claimedFrameworks == [.iso42001, .iso27001])
        let errors = KnowledgeBaseChecker.check(
            content, organisation: Self.fixture + "/org", mappings: Self.fixture + "/Mappings",
            asOf: "2026-11-23"
        ).filter { $0.severity == .error }
        #expect(errors.map(\.description) == [])
    }

    static let edits: [Edit] = [
        Edit(
            name: "unknown control in the 27001 SoA", file: "org/soa-iso27001.yaml", find: "  - control: A.8.24",
            replace: "  - control: A.8.99", message: "unknown control or clause 'A.8.99' (not in the ISO/IEC 27001 catalogue)",
            located: "org/soa-iso27001.yaml:16:5"),
        Edit(
            name: "missing 27001 SoA entry", file: "org/soa-iso27001.yaml", find: "  - control: A.8.24",
            replace: "  - control: A.8.99", message: "no Statement of Applicability entry for ISO/IEC 27001 control A.8.24 (Use of cryptography)",
            located: "org/soa-iso27001.yaml:1:1"),
        Edit(
            name: "a 27001 ID in the 42001 SoA", file: "org/soa.yaml", find: "  - control: A.5.2",
            replace: "  - control: A.8.24", message: "unknown control or clause 'A.8.24' (not in the ISO/IEC 42001 catalogue)",
            located: "org/soa.yaml:10:5"),
        Edit(
            name: "certified but no SoA", file: "org/soa-iso27001.yaml", find: nil,
            message: "the organisation claims ISO/IEC 27001 but has no Statement of Applicability for it (soa-iso27001.yaml)",
            located: "org/organisation.yaml:14:5"),
        Edit(
            name: "unknown framework code in an SoA", file: "org/soa-iso27001.yaml", find: "framework: iso27001",
            replace: "framework: iso27002", message: "invalid framework 'iso27002' (allowed: iso42001, iso27001, soc2)",
            located: "org/soa-iso27001.yaml:2:12"),
        Edit(
            name: "library cites a control its framework lacks", file: "org/library.yaml", find: "\"iso27001:A.5.2\"",
            replace: "\"iso27001:A.5.99\"", message: "LIB-001 cites unknown control or clause 'iso27001:A.5.99'",
            located: "org/library.yaml:8:5"),
        Edit(
            name: "library ref with an unknown framework", file: "org/library.yaml", find: "\"iso27001:A.5.2\"",
            replace: "\"iso9001:A.5.2\"", message: "invalid control reference 'iso9001:A.5.2' in 'controls'",
            located: "org/library.yaml:8:"),
        Edit(
            name: "related ref to a missing entry", file: "Mappings/catalogue/iso27001.yaml", find: "related: [\"iso42001:6.1.2\"]",
            replace: "related: [\"iso42001:6.1.9\"]", message: "iso27001:6.1.2 is related to unknown catalogue entry 'iso42001:6.1.9'",
            located: "Mappings/catalogue"),
        Edit(
            name: "catalogue with an unknown framework", file: "Mappings/catalogue/iso27001.yaml", find: "framework: iso27001",
            replace: "framework: ISO/IEC 27001", message: "invalid framework 'ISO/IEC 27001'",
            located: "Mappings/catalogue/iso27001.yaml:2:12"),
    ]

    @Test(arguments: edits)
    func reportsTheProblemWhereItIs(edit: Edit) throws {
        let found = try Self.findings(edit)
        let match = found.first { $0.severity == .error && $0.message.contains(edit.message) }
        #expect(match != nil, "got: \(found.map(\.description))")
        if let match { #expect(match.location.description.contains(edit.located), "at \(match.location)") }
    }

    @Test(arguments: [
        ("iso27001:A.8.24", ControlRef(.iso27001, "A.8.24")),
        ("soc2:CC6.1", ControlRef(.soc2, "CC6.1")),
        ("A.6.2.4", ControlRef(.iso42001, "A.6.2.4")),
        ("iso42001:6.1.2", ControlRef(.iso42001, "6.1.2")),
    ])
    func parsesQualifiedAndBareRefs(text: String, expected: ControlRef) {
        #expect(ControlRef(parsing: text) == expected)
        #expect(ControlRef(parsing: expected.description) == expected)
    }

    @Test(arguments: ["iso9001:A.1", "iso27001:", "", "soc 2:CC6.1"])
    func rejectsUnknownFrameworksAndEmptyIDs(text: String) {
        #expect(ControlRef(parsing: text) == nil)
    }
}
