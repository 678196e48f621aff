import Testing
import KnowledgeBase
import ResponderModel

/// Internal evidence is found by ID, title or location in any answer text; public and NDA items,
/// and the title's words used as a plain phrase, are not.
@Suite struct InternalReferenceScannerTests {
    static let evidence = [
        EvidenceItem(
            id: "EV-021", title: "Generative AI Acceptable Use Policy", kind: .policy, version: "1", owner: "CISO",
            approved: "2026-01-01", nextReview: "2027-01-01", confidentiality: .internal,
            location: "https://wiki.northwind.internal/policies/genai-aup"),
        EvidenceItem(
            id: "EV-001", title: "AI Policy", kind: .policy, version: "1", owner: "CTO", approved: "2026-01-01",
            nextReview: "2027-01-01", confidentiality: .public, location: "https://trust.example/ai-policy"),
        EvidenceItem(
            id: "EV-002", title: "SOC 2 Report", kind: .report, version: "1", owner: "CTO", approved: "2026-01-01",
            nextReview: "2027-01-01", confidentiality: .nda, location: "on request"),
    ]
    static let scanner = InternalReferenceScanner(evidence: evidence)

    @Test(arguments: [
        ("the ID", "See EV-021 for details.", ["EV-021"]),
        ("the ID in lower case, other punctuation", "see ev 021.", ["EV-021"]),
        ("the title", "Our Generative AI Acceptable Use Policy governs this.", ["EV-021 (its title 'Generative AI Acceptable Use Policy')"]),
        ("the title across a line break", "our Generative AI\nAcceptable  Use Policy", ["EV-021 (its title 'Generative AI Acceptable Use Policy')"]),
        (
            "the location without its scheme", "at wiki.northwind.internal/policies/genai-aup",
            ["EV-021 (its location 'https://wiki.northwind.internal/policies/genai-aup')"]
        ),
        (
            "ID and title", "EV-021 (Generative AI Acceptable Use Policy)",
            ["EV-021", "EV-021 (its title 'Generative AI Acceptable Use Policy')"]
        ),
        ("the title's words as a plain phrase", "We keep a generative AI acceptable use policy.", []),
        ("a longer ID", "EV-0210 is public.", []),
        ("public and NDA items", "EV-001, EV-002, AI Policy, SOC 2 Report, https://trust.example/ai-policy", []),
    ])
    func findsInternalEvidence(name: String, text: String, expected: [String]) {
        #expect(Self.scanner.hits(in: text).map(\.description) == expected, "\(name)")
    }

    @Test(arguments: [
        ("plain", "We review access quarterly.", nil),
        ("internal ID", "Evidence: EV-021.", "the text names internal evidence: EV-021; internal documents must not reach buyers"),
        ("too long", String(repeating: "a", count: 32_768), "the text has 32768 characters; an answer cell holds at most 32767"),
    ])
    func editsNamingInternalEvidenceAreRefused(name: String, text: String, reason: String?) {
        #expect(AnswerTextPolicy.refusal(ofEdit: text, internalReferences: Self.scanner) == reason, "\(name)")
    }
}
