import Foundation
import Testing
import KnowledgeBase
import ResponderModel
import TestSupport

/// `kb check` on the bundled sample reports exactly its three deliberate flaws, and every kind of
/// error and warning is produced by a fixture: a copy of the sample with one edit.
@Suite struct KnowledgeBaseCheckerTests {
    static let root = Fixtures.repositoryRoot()
    static let asOf = "2026-11-23"

    /// One edit to a copy of the sample knowledge base and the finding it must cause.
    struct Mutation: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var find: String
        var replace: String
        var severity: Severity
        var message: String
        var located: String
        /// A second edit, when one finding needs two (file, find, replace).
        var also: [String] = []
        var testDescription: String { name }
    }

    static func check(_ mutation: Mutation?, lineEnd: String = "\n") throws -> [Diagnostic] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-check-\(UUID().uuidString)")
        let org = folder.appendingPathComponent("org")
        let mappings = folder.appendingPathComponent("Mappings")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: root.appendingPathComponent("Samples/org"), to: org)
        try FileManager.default.copyItem(at: root.appendingPathComponent("Mappings"), to: mappings)
        if let mutation {
            var edits = [(mutation.file, mutation.find, mutation.replace)]
            if mutation.also.count == 3 { edits.append((mutation.also[0], mutation.also[1], mutation.also[2])) }
            for (file, find, replace) in edits {
                let url = folder.appendingPathComponent(file)
                let text = try String(contentsOf: url, encoding: .utf8)
                guard let range = text.range(of: find) else {
                    Issue.record("fixture text not found in \(file): \(find)")
                    return []
                }
                try text.replacingCharacters(in: range, with: replace).write(to: url, atomically: true, encoding: .utf8)
            }
        }
        if lineEnd != "\n" {
            for name in try FileManager.default.contentsOfDirectory(atPath: org.path) where name.hasSuffix(".yaml") || name.hasSuffix(".csv") {
                let url = org.appendingPathComponent(name)
                let text = try String(contentsOf: url, encoding: .utf8)
                try text.replacingOccurrences(of: "\n", with: lineEnd).write(to: url, atomically: true, encoding: .utf8)
            }
        }
        let loaded = KnowledgeBaseLoader.load(mappings: mappings.path, organisation: org.path)
        if loaded.diagnostics.contains(where: { $0.severity == .error }) { return loaded.diagnostics }
        return loaded.diagnostics + KnowledgeBaseChecker.check(loaded.content, organisation: org.path, mappings: mappings.path, asOf: asOf)
    }

    /// The sample's findings, each as `file:line:column: severity: message`, with every line of the
    /// organisation's files ended by `lineEnd`.
    static func sampleFindings(lineEnd: String = "\n") throws -> [String] {
        try check(nil, lineEnd: lineEnd).map { diagnostic in
            "\(diagnostic.location.description.components(separatedBy: "/org/").last!): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        }
    }

    /// Files saved on Windows (CRLF) or old Macs (lone CR) are located line by line like LF files.
    @Test(arguments: [("CRLF", "\r\n"), ("CR", "\r")])
    func lineEndsDoNotMoveFindings(name: String, lineEnd: String) throws {
        #expect(try KnowledgeBaseCheckerTests.sampleFindings(lineEnd: lineEnd) == KnowledgeBaseCheckerTests.sampleFindings(), "\(name)")
    }

    @Test func theSampleShowsExactlyItsDeliberateFlaws() throws {
        let found = try KnowledgeBaseCheckerTests.sampleFindings()
        #expect(
            found == [
                "assessments.yaml:246:5: warning: SA-2025-004 (Supplier AI assessment of Writer Inc.) is overdue: its review was due 2026-09-30",
                "evidence.csv:22:1: warning: EV-021 (Generative AI Acceptable Use Policy) is stale: its review was due 2026-10-15",
                "inventory.yaml:123:5: warning: AIS-006 (TalentScreen CV screening) is high-risk but no AI system impact assessment covers it",
            ])
    }

    static let mutations: [Mutation] = [
        Mutation(
            name: "duplicate ID", file: "org/evidence.csv", find: "EV-022,", replace: "EV-021,", severity: .error,
            message: "duplicate evidence ID 'EV-021'", located: "evidence.csv:23:1"),
        Mutation(
            name: "dangling SoA evidence", file: "org/soa.yaml", find: "    evidence: [EV-005, EV-008, EV-009]",
            replace: "    evidence: [EV-005, EV-998, EV-009]", severity: .error, message: "cites unknown evidence 'EV-998'", located: "soa.yaml:"),
        Mutation(
            name: "dangling facet evidence", file: "org/soa.yaml", find: "        stance: \"no\"\n        evidence: [EV-005]",
            replace: "        stance: \"no\"\n        evidence: [EV-997]", severity: .error,
            message: "A.7.5#watermarking cites unknown evidence 'EV-997'", located: "soa.yaml:680:9"),
        Mutation(
            name: "dangling library facet evidence", file: "org/library.yaml", find: "        evidence: [EV-059]",
            replace: "        evidence: [EV-996]", severity: .error,
            message: "LIB-024#tls-versions cites unknown evidence 'EV-996'", located: "library.yaml:489:9"),
        Mutation(
            name: "dangling system assessment", file: "org/inventory.yaml", find: "assessments: [RA-2026-001, IA-2026-003, SA-2026-001]",
            replace: "assessments: [RA-2026-001, IA-2099-003, SA-2026-001]", severity: .error,
            message: "AIS-001 links unknown assessment 'IA-2099-003'", located: "inventory.yaml:"),
        Mutation(
            name: "dangling incident system", file: "org/incidents.yaml", find: "    system: AIS-001", replace: "    system: AIS-404",
            severity: .error, message: "INC-2025-003 names unknown AI system 'AIS-404'", located: "incidents.yaml:5:5"),
        Mutation(
            name: "library cites unknown control", file: "org/library.yaml", find: "controls: [A.2.2, \"5.2\"]",
            replace: "controls: [A.2.9, \"5.2\"]", severity: .error, message: "LIB-004 cites unknown control or clause 'iso42001:A.2.9'", located: "library.yaml:78:5"),
        Mutation(
            name: "unknown SoA control and missing entry", file: "org/soa.yaml", find: "  - control: A.8.3", replace: "  - control: A.8.30",
            severity: .error, message: "no Statement of Applicability entry for Annex A control A.8.3", located: "soa.yaml:1:1"),
        Mutation(
            name: "planned without target date", file: "org/soa.yaml", find: "    status: planned\n    targetDate: 2027-03-31\n",
            replace: "    status: planned\n", severity: .error, message: "A.8.3 is planned but has no targetDate", located: "soa.yaml:699:5"),
        Mutation(
            name: "not applicable without justification", file: "org/soa.yaml",
            find: "  - control: A.7.3\n    applicable: false\n    justification: >-",
            replace: "  - control: A.7.3\n    applicable: false\n    notes: >-", severity: .error,
            message: "unknown key 'notes'", located: "soa.yaml:605:5"),
        Mutation(
            name: "bad date", file: "org/incidents.yaml", find: "date: 2025-08-14", replace: "date: 2025-02-30",
            severity: .error, message: "2025-02-30", located: "incidents.yaml:4:"),
        Mutation(
            name: "unknown value", file: "org/incidents.yaml", find: "severity: medium", replace: "severity: moderate",
            severity: .error, message: "moderate", located: "incidents.yaml:6:"),
        Mutation(
            name: "unsupported format version", file: "org/incidents.yaml", find: "formatVersion: 1", replace: "formatVersion: 2",
            severity: .error, message: "unsupported format version 2 (this build reads 1)", located: "incidents.yaml:1:"),
        Mutation(
            name: "crosswalk to unknown ref", file: "Mappings/crosswalks/eu-ai-act-2024.yaml", find: "iso42001: [\"4.1\", \"A.9.4\"]",
            replace: "iso42001: [\"4.1\", \"A.9.9\"]", severity: .error, message: "maps to unknown ISO/IEC 42001 ref 'A.9.9'",
            located: "eu-ai-act-2024.yaml:"),
        Mutation(
            name: "implemented without evidence", file: "org/soa.yaml", find: "    evidence: [EV-005, EV-008, EV-009]",
            replace: "    evidence: []", severity: .warning, message: "is implemented but cites no evidence", located: "soa.yaml:"),
        Mutation(
            name: "high-risk without oversight", file: "org/inventory.yaml",
            find:
                "    humanOversight: >-\n      Results are indicative only; no application is declined automatically. Bank underwriters make every credit\n      decision, can override any result, and applicants can request a human review and an explanation of the main factors\n",
            replace: "    humanOversight: \"\"\n", severity: .warning,
            message: "is high-risk but has no human-oversight mechanism", located: "inventory.yaml:"),
        Mutation(
            name: "library cites internal evidence", file: "org/library.yaml", find: "    evidence: [EV-001, EV-002]",
            replace: "    evidence: [EV-001, EV-021]", severity: .warning,
            message: "LIB-004 cites internal evidence EV-021", located: "library.yaml:65:5"),
        Mutation(
            name: "library answer names internal evidence", file: "org/library.yaml",
            find: "and published on our trust centre alongside", replace: "and filed as EV-021 (Generative AI Acceptable Use Policy) with",
            severity: .warning, message: "LIB-004's answer names internal evidence EV-021, EV-021 (its title 'Generative AI Acceptable Use Policy')",
            located: "library.yaml:73:5"),
        Mutation(
            name: "contradicting library answers", file: "org/library.yaml",
            find: "    question: Do you have a documented and approved AI policy?",
            replace: "    question: Do you maintain an inventory of the AI systems you develop, provide or use?",
            severity: .warning, message: "answers 'No' to the same question LIB-001 answers 'Yes'", located: "library.yaml:65:5",
            also: ["org/library.yaml", "      - \"AI policy in place\"\n    choice: \"Yes\"", "      - \"AI policy in place\"\n    choice: \"No\""]),
        Mutation(
            name: "alternate is another answer's question", file: "org/library.yaml", find: "      - \"AI policy in place\"",
            replace: "      - \"Do you maintain an inventory of the AI systems you develop, provide or use?\"", severity: .error,
            message: "LIB-004's alternate question 'Do you maintain an inventory of the AI systems you develop, provide or use?' is LIB-001's question or alternate too",
            located: "library.yaml:67:5"),
        Mutation(
            name: "alternate is another answer's alternate", file: "org/library.yaml", find: "      - \"AI policy in place\"",
            replace: "      - \"ai system INVENTORY.\"", severity: .error,
            message: "LIB-004's alternate question 'ai system INVENTORY.' is LIB-001's question or alternate too", located: "library.yaml:67:5"),
        Mutation(
            name: "alternate is a later answer's question", file: "org/library.yaml",
            find: "    question: How often is your AI policy reviewed and who approves changes?", replace: "    question: AI policy in place",
            severity: .error, message: "LIB-004's alternate question 'AI policy in place' is LIB-005's question or alternate too",
            located: "library.yaml:67:5"),
        Mutation(
            name: "alternate repeats its own question", file: "org/library.yaml", find: "      - \"AI policy in place\"",
            replace: "      - \"Do you have a documented and approved AI policy\"", severity: .error,
            message: "LIB-004's alternate question 'Do you have a documented and approved AI policy' repeats its own question",
            located: "library.yaml:67:5"),
        Mutation(
            name: "empty alternate", file: "org/library.yaml", find: "      - \"AI policy in place\"", replace: "      - \" \"",
            severity: .error, message: "LIB-004 has an empty alternate question", located: "library.yaml:67:5"),
        Mutation(
            name: "shadow AI in production", file: "org/inventory.yaml", find: "    approval:\n      status: approved",
            replace: "    approval:\n      status: unapproved", severity: .warning,
            message: "is unapproved (shadow AI) but still in production", located: "inventory.yaml:3:5"),
        Mutation(
            name: "production system without risk assessment", file: "org/inventory.yaml",
            find: "      status: development", replace: "      status: production", severity: .warning,
            message: "AIS-014 (Assist Actions agent) is in production but no AI risk assessment covers it", located: "inventory.yaml:295:5",
            also: ["org/assessments.yaml", "    kind: risk\n    title: Design-stage", "    kind: bias\n    title: Design-stage"]),
    ]

    @Test(arguments: mutations)
    func findsTheEditedProblem(mutation: Mutation) throws {
        let found = try KnowledgeBaseCheckerTests.check(mutation)
        let match = found.first { $0.severity == mutation.severity && $0.message.contains(mutation.message) }
        #expect(match != nil, "got: \(found.map(\.description))")
        if let match {
            #expect(match.location.description.contains(mutation.located), "at \(match.location)")
        }
    }
}
