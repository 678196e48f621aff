import Foundation
import ResponderModel
import Testing
import TestSupport
@testable import KnowledgeBase

@Suite struct KnowledgeBaseLoaderTests {
    private let valid = Fixtures.folder().appendingPathComponent("valid").path

    @Test func loadsTheValidFixtureWithoutDiagnostics() {
        let result = KnowledgeBaseLoader.load(mappings: valid + "/Mappings", organisation: valid + "/org")
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.content.catalogue.map(\.id) == ["6.1.2", "A.5.2"])
        #expect(result.content.crosswalks.first?.entries.first?.reference == "NIST AI RMF 1.0 MAP 5.1")
        #expect(result.content.evidence.map(\.id) == ["EV-001"])
        #expect(result.content.systems.first?.approval.status == .approved)
        #expect(result.content.assessments.first?.findings.count == 1)
        #expect(result.content.library.first?.choice == "No")
        #expect(result.content.organisation.governance?.body == "AI Board")
    }

    @Test(arguments: [
        (
            "inventory.yaml", "    riskLevel: medium\n", "    riskLevel: severe\n",
            "/org/inventory.yaml:12:16: error: invalid riskLevel 'severe' (allowed: low, medium, high, critical)"
        ),
        (
            "evidence.csv", "2027-01-15", "2027-02-30",
            "/org/evidence.csv:2: error: column 'nextReview': invalid date '2027-02-30' (expected a real YYYY-MM-DD date)"
        ),
        (
            "soa.yaml", "    owner: Head of AI\n", "    owner: Head of AI\n    colour: red\n",
            "/org/soa.yaml:8:5: error: unknown key 'colour'"
        ),
    ])
    func reportsLocatedLoadErrors(file: String, replacing: String, with: String, expected: String) throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temp) }
        try FileManager.default.copyItem(atPath: valid, toPath: temp.path)
        let path = temp.appendingPathComponent("org/\(file)").path
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: replacing, with: with)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = KnowledgeBaseLoader.load(mappings: temp.path + "/Mappings", organisation: temp.path + "/org")
        let printed = result.diagnostics.map(\.description)
        #expect(printed.count == 1)
        #expect(printed.first?.hasPrefix(temp.path + expected) == true, "\(printed)")
    }

    /// `alternateQuestions` is optional, read in order as a block or flow list; anything but a list
    /// of text is reported where it stands.
    @Test(
        arguments: [
            ("", [String](), nil),
            (
                "    alternateQuestions:\n      - Do you train models on our data?\n      - \"Training on customer data: yes or no?\"\n",
                ["Do you train models on our data?", "Training on customer data: yes or no?"], nil
            ),
            ("    alternateQuestions: [Is our data used for training?]\n", ["Is our data used for training?"], nil),
            ("    alternateQuestions: Is our data used for training?\n", nil, "/org/library.yaml:5:25: error: 'alternateQuestions' must be a list"),
            ("    alternateQuestions:\n      - [nested]\n", nil, "/org/library.yaml:6:9: error: 'alternateQuestions' items must be text"),
        ] as [(String, [String]?, String?)])
    func loadsAlternateQuestions(yaml: String, alternates: [String]?, error: String?) throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temp) }
        try FileManager.default.copyItem(atPath: valid, toPath: temp.path)
        let path = temp.appendingPathComponent("org/library.yaml").path
        let question = "    question: Is customer data used to train your AI models?\n"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(question))
        try text.replacingOccurrences(of: question, with: question + yaml).write(toFile: path, atomically: true, encoding: .utf8)
        let result = KnowledgeBaseLoader.load(mappings: temp.path + "/Mappings", organisation: temp.path + "/org")
        let printed = result.diagnostics.map(\.description)
        if let alternates {
            #expect(printed == [])
            #expect(result.content.library.first?.alternateQuestions == alternates)
        }
        if let error {
            #expect(printed.count == 1)
            #expect(printed.first?.hasPrefix(temp.path + error) == true, "\(printed)")
        }
    }

    /// The thesaurus's `predicates` and `qualifiers` groups are read in order; a word in two groups, or a group that
    /// is not a list of text, is reported where it stands.
    @Test(
        arguments: [
            ("predicates:\n  - [kept separate, segregated]\n  - [copied]\n", [["kept separate", "segregated"], ["copied"]], nil),
            (
                "predicates:\n  - [kept separate, segregated]\n  - [copied, Segregated]\n", nil,
                "/Mappings/thesaurus.yaml:8:14: error: 'Segregated' is already in predicate group 1 ('kept separate')"
            ),
            ("predicates:\n  - copied\n", nil, "/Mappings/thesaurus.yaml:7:5: error: a predicate group must be a list of at least one word or phrase"),
            ("predicates: copied\n", nil, "/Mappings/thesaurus.yaml:6:13: error: 'predicates' must be a list"),
            ("qualifiers:\n  - [independent, outside firm]\n", [["independent", "outside firm"]], nil),
            ("qualifiers:\n  - quarterly\n", nil, "/Mappings/thesaurus.yaml:7:5: error: a qualifier group must be a list of at least one word or phrase"),
            (
                "qualifiers:\n  - [quarterly]\n  - [Quarterly]\n", nil,
                "/Mappings/thesaurus.yaml:8:6: error: 'Quarterly' is already in qualifier group 1 ('quarterly')"
            ),
        ] as [(String, [[String]]?, String?)])
    func loadsPredicateGroups(yaml: String, groups: [[String]]?, error: String?) throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temp) }
        try FileManager.default.copyItem(atPath: valid, toPath: temp.path)
        let path = temp.appendingPathComponent("Mappings/thesaurus.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n") && text.split(separator: "\n").count == 5)
        try (text + yaml).write(toFile: path, atomically: true, encoding: .utf8)
        let result = KnowledgeBaseLoader.load(mappings: temp.path + "/Mappings", organisation: temp.path + "/org")
        let printed = result.diagnostics.map(\.description)
        if let groups {
            #expect(printed == [])
            let read = yaml.hasPrefix("qualifiers") ? result.content.thesaurus.qualifiers : result.content.thesaurus.predicates
            #expect(read == groups)
        }
        if let error {
            #expect(printed.count == 1)
            #expect(printed.first?.hasPrefix(temp.path + error) == true, "\(printed)")
        }
    }
}
