import Foundation
import GRDB
import ResponderModel
import Testing
@testable import KnowledgeBase

@Suite struct KnowledgeBaseStoreTests {
    // MARK: Synchronise

    @Test(arguments: [
        ("catalogue_entry", 3), ("crosswalk_entry", 2), ("applicability", 2), ("evidence", 2),
        ("ai_system", 1), ("assessment", 1), ("assessment_system", 1), ("finding", 2), ("incident", 1),
        ("library_answer", 3), ("search_index", 8), ("meta", 1),
    ])
    func synchroniseStoresEveryRow(table: String, expected: Int) throws {
        let scratch = try ScratchFolder()
        let store = try KnowledgeBaseStore(path: scratch.databasePath)
        #expect(try store.synchronise(with: Self.content()))
        #expect(try scratch.count(table) == expected)
    }

    @Test func synchroniseStoresFieldsAsWritten() throws {
        let scratch = try ScratchFolder()
        let store = try KnowledgeBaseStore(path: scratch.databasePath)
        try store.synchronise(with: Self.content())
        let row = try scratch.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM ai_system WHERE id = 'SYS-1'")
        }
        #expect(row?["eu_ai_act_tier"] == "limited")
        #expect(row?["approval_status"] == "under_review")
        #expect(row?["trains_on_customer_data"] == 0)
        let keywords = try scratch.read { db in
            try String.fetchOne(db, sql: "SELECT keywords FROM catalogue_entry WHERE id = 'A.9.4'")
        }
        #expect(keywords == "multi-factor authentication\nMFA")
        let statement = try scratch.read { db in
            try String.fetchOne(db, sql: "SELECT statement FROM search_index WHERE ref = 'iso42001:A.5.4'")
        }
        #expect(statement == "Every model release passes a fairness review.")
    }

    @Test func sameVersionTouchesNothing() throws {
        let scratch = try ScratchFolder()
        let store = try KnowledgeBaseStore(path: scratch.databasePath)
        try store.synchronise(with: Self.content())
        var sameVersionOtherData = Self.content()
        sameVersionOtherData.catalogue = []
        sameVersionOtherData.library = []
        #expect(try store.synchronise(with: sameVersionOtherData) == false)
        #expect(try scratch.count("catalogue_entry") == 3)
        #expect(try scratch.count("search_index") == 8)
        #expect(try store.storedVersion == "kb-1")
    }

    @Test func changedVersionRebuilds() throws {
        let scratch = try ScratchFolder()
        let store = try KnowledgeBaseStore(path: scratch.databasePath)
        try store.synchronise(with: Self.content())
        var next = Self.content(version: "kb-2")
        next.catalogue.removeAll { $0.id == "A.9.4" }
        next.assessments = []
        #expect(try store.synchronise(with: next))
        #expect(try store.storedVersion == "kb-2")
        #expect(try scratch.count("catalogue_entry") == 2)
        #expect(try scratch.count("search_index") == 7)
        #expect(try scratch.count("finding") == 0)
        #expect(try scratch.count("assessment_system") == 0)
        #expect(try scratch.count("meta") == 1)
        #expect(try store.search("authentication").isEmpty)
    }

    @Test func failedRebuildKeepsPreviousContentAndHidesValues() throws {
        let scratch = try ScratchFolder()
        let store = try KnowledgeBaseStore(path: scratch.databasePath)
        try store.synchronise(with: Self.content())
        var broken = Self.content(version: "kb-2")
        broken.evidence.append(
            EvidenceItem(
                id: "EV-1", title: "Confidential pentest of Project Nightingale", kind: .report, version: "1",
                owner: "CISO", approved: "2026-01-01", nextReview: "2027-01-01", confidentiality: .internal,
                location: "vault://secret"))
        let error = try #require(throws: DatabaseError.self) { try store.synchronise(with: broken) }
        let message = String(describing: error)
        #expect(message.contains("INSERT INTO"))
        #expect(!message.contains("Nightingale"))
        #expect(!message.contains("vault://secret"))
        #expect(try store.storedVersion == "kb-1")
        #expect(try scratch.count("evidence") == 2)
    }

    // MARK: Search

    @Test func titleMatchRanksAboveDescriptionMatch() throws {
        let (store, scratch) = try Self.syncedStore()
        defer { withExtendedLifetime(scratch) {} }
        let hits = try store.search("bias")
        #expect(hits.map(\.ref) == ["iso42001:A.5.4", "iso42001:A.7.4"])
        #expect(hits.allSatisfy { $0.kind == "catalogue" })
        #expect(hits[0].score > hits[1].score)
    }

    @Test func libraryQuestionIsFound() throws {
        let (store, scratch) = try Self.syncedStore()
        defer { withExtendedLifetime(scratch) {} }
        let hits = try store.search("Are customer datasets used for training models?")
        #expect(hits.first == KnowledgeBaseStore.Hit(kind: "library", ref: "LIB-002", score: hits.first?.score ?? 0))
    }

    @Test func evidenceTitlesAreSearchedButNeverInternalOnes() throws {
        let scratch = try ScratchFolder()
        let store = try KnowledgeBaseStore(path: scratch.databasePath)
        var content = Self.content()
        content.evidence.append(
            EvidenceItem(
                id: "EV-9", title: "Internal quarterly notes", kind: .record, version: "1",
                owner: "CTO", approved: "2026-01-01", nextReview: "2027-01-01",
                confidentiality: .internal, location: "wiki://x"))
        try store.synchronise(with: content)
        #expect(try store.search("quarterly audit records").map(\.ref).prefix(1) == ["EV-2"])
        #expect(try store.search("internal quarterly notes").allSatisfy { $0.ref != "EV-9" })
    }

    @Test func statementIsSearched() throws {
        let (store, scratch) = try Self.syncedStore()
        defer { withExtendedLifetime(scratch) {} }
        #expect(try store.search("fairness").map(\.ref) == ["iso42001:A.5.4"])
    }

    @Test func limitCapsHits() throws {
        let (store, scratch) = try Self.syncedStore()
        defer { withExtendedLifetime(scratch) {} }
        #expect(try store.search("bias", limit: 1).map(\.ref) == ["iso42001:A.5.4"])
        #expect(try store.search("bias", limit: 0).isEmpty)
    }

    @Test func equalScoresAreOrderedByRef() throws {
        let (store, scratch) = try Self.syncedStore()
        defer { withExtendedLifetime(scratch) {} }
        // Both library questions hold "vendor" once in questions of equal length.
        let hits = try store.search("vendor")
        #expect(hits.map(\.ref) == ["LIB-001", "LIB-003"])
        #expect(hits[0].score == hits[1].score)
    }

    @Test(arguments: [
        "multi-factor \"quoted\" AND OR NEAR( col:umn *",
        "multi-factor",
        "title:factor",
        "factor*",
        "\"factor",
        "'; DROP TABLE meta; -- factor",
        "NOT factor AND",
        "{factor} ^factor",
    ])
    func hostileInputStillFindsWords(text: String) throws {
        let (store, scratch) = try Self.syncedStore()
        defer { withExtendedLifetime(scratch) {} }
        #expect(try store.search(text).first?.ref == "iso42001:A.9.4")
        #expect(try store.storedVersion == "kb-1")
    }

    @Test(arguments: ["", "   ", "\"\"", "*", "NEAR(", "-- ;", "( ) : ^ + \""])
    func inputWithoutWordsFindsNothing(text: String) throws {
        let (store, scratch) = try Self.syncedStore()
        defer { withExtendedLifetime(scratch) {} }
        #expect(try store.search(text).isEmpty)
    }

    @Test(arguments: [
        (
            "multi-factor \"quoted\" AND OR NEAR( col:umn *",
            #""multi" OR "factor" OR "quoted" OR "and" OR "or" OR "near" OR "col" OR "umn""#
        ),
        ("Bias bias BIAS", #""bias""#),
        ("ISO/IEC 42001:2023", #""iso" OR "iec" OR "42001" OR "2023""#),
        ("Données à caractère personnel", #""données" OR "à" OR "caractère" OR "personnel""#),
        ("-- *", ""),
    ])
    func patternKeepsOnlyQuotedWords(text: String, expected: String) {
        #expect(SearchPattern(text).rawValue == expected)
    }

    // MARK: Opening

    @Test func reopeningKeepsData() throws {
        let scratch = try ScratchFolder()
        do {
            let store = try KnowledgeBaseStore(path: scratch.databasePath)
            try store.synchronise(with: Self.content())
        }
        let reopened = try KnowledgeBaseStore(path: scratch.databasePath)
        #expect(try reopened.storedVersion == "kb-1")
        #expect(try reopened.synchronise(with: Self.content()) == false)
        #expect(try reopened.search("bias").map(\.ref) == ["iso42001:A.5.4", "iso42001:A.7.4"])
    }

    @Test func migrationsAreNamedAndIdempotent() throws {
        let scratch = try ScratchFolder()
        _ = try KnowledgeBaseStore(path: scratch.databasePath)
        let store = try KnowledgeBaseStore(path: scratch.databasePath)
        #expect(try store.storedVersion == nil)
        let applied = try scratch.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(applied == ["v1-knowledge-base", "v2-runs", "v3-run-question-citations", "v4-frameworks", "v5-drop-run-tables"])
        #expect(
            KnowledgeBaseSchema.migrator.migrations == [
                "v1-knowledge-base", "v2-runs", "v3-run-question-citations", "v4-frameworks",
                "v5-drop-run-tables",
            ])
    }

    @Test func createsMissingParentFolders() throws {
        let scratch = try ScratchFolder()
        let path = scratch.url.appendingPathComponent("a/b/kb.sqlite").path
        _ = try KnowledgeBaseStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    // MARK: Fixture

    /// The scratch folder must outlive the store, so the test keeps both.
    private static func syncedStore() throws -> (KnowledgeBaseStore, ScratchFolder) {
        let scratch = try ScratchFolder()
        let store = try KnowledgeBaseStore(path: scratch.databasePath)
        try store.synchronise(with: content())
        return (store, scratch)
    }

    private static func content(version: String = "kb-1") -> KnowledgeBaseContent {
        KnowledgeBaseContent(
            version: version,
            catalogue: [
                CatalogueEntry(
                    id: "A.5.4", kind: .control, title: "Assessing bias in AI systems",
                    group: "A.5 Assessing impacts of AI systems",
                    description: "Assess the effects of AI systems on groups of people.",
                    keywords: ["fair treatment"], examples: ["Do you assess discrimination?"]),
                CatalogueEntry(
                    id: "A.7.4", kind: .control, title: "Quality of data for AI systems",
                    group: "A.7 Data for AI systems",
                    description: "Data is checked for completeness, accuracy and bias before use.",
                    keywords: ["data quality"], examples: ["How do you check training data?"]),
                CatalogueEntry(
                    id: "A.9.4", kind: .control, title: "Access to AI tooling",
                    group: "A.9 Use of AI systems",
                    description: "Access to AI tools is restricted.",
                    keywords: ["multi-factor authentication", "MFA"], examples: []),
            ],
            crosswalks: [
                Crosswalk(
                    framework: "NIST AI RMF", version: "1.0", aliases: ["AI RMF"],
                    entries: [
                        CrosswalkEntry(
                            framework: "NIST AI RMF", version: "1.0", id: "MAP 2.3",
                            title: "Scientific integrity", iso42001: ["A.7.4", "A.6.2.4"]),
                        CrosswalkEntry(
                            framework: "NIST AI RMF", version: "1.0", id: "MEASURE 2.11",
                            title: "Fairness and bias", iso42001: ["A.5.4"]),
                    ])
            ],
            thesaurus: Thesaurus(abbreviations: ["MFA": "multi-factor authentication"]),
            organisation: Organisation(name: "Example Ltd", products: [], certifications: [], governance: nil),
            applicability: [
                ApplicabilityEntry(
                    control: "A.5.4", applicable: true, status: .implemented,
                    statement: "Every model release passes a fairness review.",
                    owner: "Head of AI", evidence: ["EV-1", "EV-2"]),
                ApplicabilityEntry(
                    control: "A.9.4", applicable: true, status: .planned, targetDate: "2027-03-31",
                    statement: "Hardware keys are being rolled out.", owner: "CISO", evidence: []),
            ],
            evidence: [
                EvidenceItem(
                    id: "EV-1", title: "AI policy", kind: .policy, version: "2.1", owner: "Head of AI",
                    approved: "2026-02-01", nextReview: "2027-02-01", confidentiality: .public,
                    location: "https://example.com/ai-policy"),
                EvidenceItem(
                    id: "EV-2", title: "Quarterly audit records", kind: .record, version: "1.0",
                    owner: "Head of AI", approved: "2026-03-01", nextReview: "2027-03-01",
                    confidentiality: .nda, location: "sharepoint://records/bias"),
            ],
            systems: [
                AISystem(
                    id: "SYS-1", name: "Support assistant", purpose: "Drafts support replies", role: .deployer,
                    source: .thirdParty, vendor: "Vendor Co", model: "model-x", dataCategories: ["tickets"],
                    trainsOnCustomerData: false, euAiActTier: .limited, riskLevel: .medium, owner: "COO",
                    approval: .init(status: .underReview), humanOversight: "Agents review every draft",
                    lifecycle: .init(status: .pilot), assessments: ["AS-1"])
            ],
            assessments: [
                Assessment(
                    id: "AS-1", kind: .impact, title: "Support assistant impact assessment",
                    systems: ["SYS-1", "SYS-1"], date: "2026-04-01", assessor: "Risk team",
                    outcome: "Acceptable with controls",
                    findings: [
                        .init(id: "F-1", severity: .medium, summary: "No opt-out", treatment: .inProgress),
                        .init(id: "F-2", severity: .low, summary: "Logs kept too long", treatment: .closed),
                    ],
                    nextReview: nil)
            ],
            incidents: [
                Incident(
                    id: "INC-1", date: "2026-05-02", system: "SYS-1", severity: .low,
                    summary: "Wrong language in a reply", customersNotified: false, status: .closed)
            ],
            library: [
                LibraryAnswer(
                    id: "LIB-001", question: "Do you review each vendor annually?", choice: "Yes",
                    answer: "Yes, every year.", topic: "suppliers", controls: ["A.10.3"], evidence: [],
                    systems: [], assessments: [], approvedBy: "CISO", approvedDate: "2026-01-10",
                    source: "Questionnaire 12"),
                LibraryAnswer(
                    id: "LIB-002", question: "Do you train models on customer data?", choice: "No",
                    answer: "No.", topic: "data", controls: ["A.7.2"], evidence: [], systems: ["SYS-1"],
                    assessments: [], approvedBy: "DPO", approvedDate: "2026-01-11", source: "Questionnaire 12"),
                LibraryAnswer(
                    id: "LIB-003", question: "Do you assess each vendor annually?", choice: nil,
                    answer: "We assess vendors yearly.", topic: "suppliers", controls: [], evidence: [],
                    systems: [], assessments: [], approvedBy: "CISO", approvedDate: "2026-01-12",
                    source: "Questionnaire 13"),
            ],
        )
    }
}

/// A temporary folder for one test's database, removed when the test ends.
private final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("KnowledgeBaseStoreTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var databasePath: String { url.appendingPathComponent("kb.sqlite").path }

    /// Reads the database file through a connection of its own, as another process would.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try DatabaseQueue(path: databasePath).read(body)
    }

    func count(_ table: String) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}
