import Testing
import ResponderModel
@testable import Drafting

@Suite struct ReferenceFinderTests {
    private let finder: ReferenceFinder = {
        let nist = Crosswalk(
            framework: "NIST AI RMF", version: "1.0", aliases: ["AI RMF"],
            entries: [
                CrosswalkEntry(framework: "NIST AI RMF", version: "1.0", id: "GOVERN 1.6", title: "Inventory", iso42001: ["A.4.2"])
            ])
        let act = Crosswalk(
            framework: "EU AI Act", version: "2024/1689", aliases: ["AI Act"],
            entries: [
                CrosswalkEntry(framework: "EU AI Act", version: "2024/1689", id: "Art. 5", title: "Prohibited", iso42001: ["A.9.4"]),
                CrosswalkEntry(framework: "EU AI Act", version: "2024/1689", id: "Art. 50", title: "Transparency", iso42001: ["A.8.2"]),
            ])
        let iso27001 = Crosswalk(
            framework: "ISO/IEC 27001", version: "2022", aliases: ["27001"],
            entries: [
                CrosswalkEntry(framework: "ISO/IEC 27001", version: "2022", id: "A.5.19", title: "Suppliers", iso42001: ["A.10.3"])
            ])
        let catalogue = ["A.5.2", "A.6.2.8", "9.3"].map {
            CatalogueEntry(id: $0, kind: $0.hasPrefix("A.") ? .control : .clause, title: "", group: "", description: "", keywords: [], examples: [])
        }
        return ReferenceFinder(crosswalks: [nist, act, iso27001], catalogue: catalogue)
    }()

    @Test(arguments: [
        ("How do you meet GOVERN 1.6?", ["NIST AI RMF 1.0 GOVERN 1.6"], [String]()),
        ("Per the AI RMF (GV-1.6), keep an inventory", ["NIST AI RMF 1.0 GOVERN 1.6"], []),
        ("Are users told they talk to AI (EU AI Act Article 50)?", ["EU AI Act 2024/1689 Art. 50"], []),
        ("Do you avoid practices banned by Art. 5 of the AI Act?", ["EU AI Act 2024/1689 Art. 5"], []),
        ("Art. 50 transparency", [], []),
        ("ISO 27001 A.5.19 supplier security", ["ISO/IEC 27001 2022 A.5.19"], []),
        ("Describe how you meet ISO 42001 A.6.2.8 and clause 9.3", [], ["A.6.2.8", "9.3"]),
        ("Explain control A.5.2.", [], ["A.5.2"]),
    ])
    func findsQuotedReferences(text: String, crosswalk: [String], direct: [String]) {
        let found = finder.find(in: text)
        #expect(found.crosswalkEntries.map(\.reference) == crosswalk)
        #expect(found.directRefs.map(\.description) == direct.map { "iso42001:\($0)" })
    }
}
