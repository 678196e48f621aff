import Foundation
import Testing
import KnowledgeBase
import ResponderModel
import TestSupport
@testable import Drafting

/// Regression fixtures for issue 12's patterns, on the sample organisation: a draft that answers
/// something else must not be high, the choice follows the facet that answers the question, and
/// `--system` scoping holds for the choice and every fact.
@Suite struct AnswerPrecisionTests {
    static let content = SampleKnowledgeBase.content
    static let drafter = Drafter(content: content, asOf: "2026-11-23")

    static func draft(_ text: String, drafter: Drafter = drafter) -> DraftedQuestion {
        drafter.draft(Question(id: "Q", sheet: "Questions", row: 2, text: text))
    }

    /// Pattern 1: one shared word (inventory, risk, model, scope) drew a wrong control at high confidence.
    @Test(arguments: [
        ("Do you maintain an inventory of supply-chain relationships?", "iso42001:A.4.2#supplier-inventory"),
        ("How do you handle failures of model-serving infrastructure?", "iso42001:A.6.2.6#failure-fallback"),
    ])
    func aSharedWordDoesNotWinOverTheAspectAsked(text: String, facet: String) {
        let answer = Self.draft(text).answer
        #expect(answer.facet == facet, "\(answer.facet ?? "no facet"): \(answer.text)")
    }

    @Test(arguments: [
        "Do you use a risk-based model for prioritising vulnerability fixes?",
        "How do you define agent boundaries for autonomous AI agents?",
        "Are all AI features used within 12 months of purchase?",
    ])
    func aMatchOnOneGenericWordIsNotHigh(text: String) {
        let drafted = Self.draft(text)
        #expect(drafted.answer.confidence != .high, "\(drafted.matches.first?.ref.description ?? "-"): \(drafted.answer.text)")
    }

    /// Pattern 2: the right control, but its one statement answered another aspect with an unsupported Yes.
    @Test func watermarkingIsAnsweredByItsOwnFacetWithItsNo() {
        let answer = Self.draft("Is training data watermarked?").answer
        #expect(answer.facet == "iso42001:A.7.5#watermarking")
        #expect(answer.choice == "No")
        #expect(answer.text.contains("do not watermark"))
    }

    /// Pattern 3: confidence records the signals it comes from, and no flat bonus lifts a partial answer.
    @Test func confidenceCarriesItsSignals() {
        let answer = Self.draft("Do you red-team your AI models?").answer
        let signals = try? #require(answer.signals)
        #expect(signals?.facetFit ?? 0 >= FacetMatcher.fitThreshold)
        #expect(answer.confidence == .high)
        let partial = Self.draft("How do you define agent boundaries for autonomous AI agents?").answer
        #expect(partial.score < AnswerComposer.mediumScore || !partial.flags.contains(.partialAnswer))
    }

    /// Pattern 4: the choice follows the facet's stance; describe questions without a dropdown get none.
    @Test func theChoiceFollowsTheFacet() {
        let explain = Self.draft("Can your AI explain its outputs with reason codes?").answer
        #expect(explain.facet == "iso42001:A.6.2.7#explainability")
        #expect(explain.choice == "Yes")
        let describe = Self.draft("Describe the guardrails on your LLM outputs.")
        #expect(describe.intent == .describe)
        #expect(describe.answer.choice == nil)
    }

    /// Pattern 5: a library answer or facet found on a paraphrase ("turn off" for "disable").
    @Test func switchingAIOffIsFoundOnAParaphrase() {
        let answer = Self.draft("Can we switch off the AI functions for our tenant?").answer
        #expect(answer.choice == "Yes")
        #expect(answer.text.lowercased().contains("tenant"), "\(answer.text)")
    }

    /// Pattern 6: register facts only for the subject the question raises.
    @Test func noUnrelatedRegisterFactsArePadded() {
        let answer = Self.draft("Do you red-team your AI models?").answer
        #expect(
            !answer.citations.contains { $0.kind == .incident || $0.kind == .assessment || $0.kind == .certification },
            "\(answer.citations)")
    }

    /// The incident register says what happened: a question about how AI incidents are handled or
    /// how the plan is tested gets no incident count, a question about past incidents does.
    @Test(arguments: [
        ("Is your AI incident response plan tested at least once a year?", false),
        ("Describe how AI incidents are escalated and resolved.", false),
        ("Have you had any AI incidents in the past twelve months?", true),
        ("How many AI incidents were recorded last year?", true),
    ])
    func incidentFactsAnswerWhatHappened(text: String, counted: Bool) {
        let answer = Self.draft(text).answer
        #expect(answer.text.contains("incident log") == counted, "\(answer.text)")
    }

    /// Pattern 6 across frameworks: the registers describe the AI management system, so a security or
    /// privacy answer that names no AI subject carries none of their facts, and a DPIA is not the AI
    /// system impact assessment.
    @Test(arguments: [
        "Do you watch your infrastructure for security events around the clock?",
        "How is administrator access granted, and how is its use monitored?",
        "Can our staff sign in through our own SAML identity provider?",
        "Do you run a data protection impact assessment before starting high-risk processing of personal data?",
    ])
    func securityAndPrivacyAnswersCarryNoAIRegisterFacts(text: String) {
        let answer = Self.draft(text).answer
        #expect(!answer.citations.contains { [.system, .assessment, .incident].contains($0.kind) }, "\(answer.citations)")
    }

    /// A control's general statement, with no facet or approved answer that fits the question, is
    /// low however many of the question's words it holds: a reviewer reads it before approving.
    @Test func aControlsGeneralStatementIsLow() {
        let signals = ConfidenceSignals(matchScore: 25, exampleSimilarity: 0.9, margin: 1, coverage: 1, statedCoverage: 1, matchedTerms: 8)
        #expect(AnswerComposer.level(AnswerComposer.confidenceScore(signals, flags: [])) == .low)
        var facet = signals
        facet.facetFit = 0.9
        #expect(AnswerComposer.level(AnswerComposer.confidenceScore(facet, flags: [])) == .high)
    }

    /// A question whose words the catalogue's examples and keywords hold but the organisation's own
    /// statement mostly lacks is answered only as far as the statement goes: at most medium.
    @Test func aQuestionTheStatementItselfDoesNotCoverIsNotHigh() {
        let signals = ConfidenceSignals(
            matchScore: 25, exampleSimilarity: 0.9, margin: 1, coverage: 1, statedCoverage: 0.5, matchedTerms: 8, facetFit: 0.9)
        #expect(AnswerComposer.level(AnswerComposer.confidenceScore(signals, flags: [])) == .medium)
        var stated = signals
        stated.statedCoverage = 0.9
        #expect(AnswerComposer.level(AnswerComposer.confidenceScore(stated, flags: [])) == .high)
    }

    /// Porter makes "accountable" the stem of "account": an account-manager question drew the
    /// AI-accountability answer at high confidence.
    @Test func accountabilityIsNotAnAccount() {
        let drafted = Self.draft("Who would be our account manager?")
        #expect(drafted.answer.source?.id != "LIB-006", "\(drafted.answer.text)")
        #expect(drafted.answer.confidence != .high)
    }

    /// A misspelt short question still names its subject ("assesment"): it is drafted, not out of scope.
    @Test func aMisspeltSubjectStillCounts() {
        let answer = Self.draft("Risk assesment").answer
        #expect(!answer.flags.contains(.outOfScope), "\(answer.flags)")
    }

    /// Pattern 7: under `--system`, the choice and every fact agree with the scoped system.
    @Test func systemScopeDecidesTheChoiceAndTheFacts() {
        let scoped = Drafter(content: Self.content, asOf: "2026-11-23", systemScope: "AIS-001")
        let answer = Self.draft("Is customer data used to train your AI models?", drafter: scoped).answer
        #expect(answer.choice == nil || answer.choice == "No", "\(answer.choice ?? "-"): \(answer.text)")
        let systems = answer.citations.filter { $0.kind == .system }.map(\.id)
        #expect(systems.allSatisfy { $0 == "AIS-001" }, "\(systems)")
        let explain = Self.draft("Can your AI explain its outputs with reason codes?", drafter: scoped).answer
        #expect(explain.facet != "iso42001:A.6.2.7#explainability", "a facet about AIS-004 and AIS-005 answered for AIS-001")
    }

    /// Pattern 8 (the last grading's gaps): the facet or library answer that answers the aspect
    /// asked, with its own choice, and the source recorded for the answer-level evaluation.
    @Test(
        arguments: [
            (
                "Do you obtain training data from third parties such as data brokers or web scraping?",
                "iso42001:A.7.3#external-data", "No"
            ),
            ("Provide your current list of subprocessors.", "iso42001:A.10.3#subprocessor-list", nil),
            (
                "Are contractual controls in place with AI suppliers covering data use, security and incident notification?",
                "iso42001:A.10.3#ai-supplier-contracts", "Yes"
            ),
        ] as [(String, String, String?)])
    func theAspectAskedIsAnsweredByItsFacet(text: String, facet: String, choice: String?) {
        let answer = Self.draft(text).answer
        #expect(answer.source == AnswerSource(kind: .facet, id: facet), "\(answer.source.map { "\($0.kind):\($0.id)" } ?? "-"): \(answer.text)")
        #expect(answer.choice == choice)
        #expect(!answer.flags.contains(.notApplicable))
    }

    @Test func theSubprocessorListRequestNamesThePublicList() {
        let answer = Self.draft("Provide your current list of subprocessors.").answer
        #expect(answer.citations.contains(Citation(kind: .evidence, id: "EV-006")))
        #expect(answer.text.contains("Subprocessor List"))
    }

    /// A describe request beside a Yes/No dropdown gets no choice: the status would answer nothing asked.
    @Test func aDescribeRequestWithADropdownGetsNoChoice() {
        var question = Question(id: "Q", sheet: "Questions", row: 2, text: "Describe the due diligence you perform on AI suppliers.")
        question.answerCells = [AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No", "N/A"]), AnswerCell(column: "D", kind: .text)]
        let drafted = Self.drafter.draft(question)
        #expect(drafted.intent == .describe)
        #expect(drafted.answer.choice == nil)
        #expect(!drafted.answer.text.isEmpty)
    }

    /// A follow-up that only repeats its parent's statement is partial and low, not high.
    @Test func aFollowUpRepeatingItsParentIsPartial() {
        let parent = Question(id: "GOV-01", sheet: "Questions", row: 2, text: "Do you have an AI governance board or committee?")
        var followUp = Question(id: "", sheet: "Questions", row: 3, text: "If yes, describe its membership and how often it meets.")
        followUp.parentRow = 2
        let drafted = Self.drafter.draft([parent, followUp])
        #expect(drafted[1].answer.flags.contains(.partialAnswer), "\(drafted[1].answer.text)")
        #expect(drafted[1].answer.confidence == .low)
    }

    /// Every drafted answer names what it rests on.
    @Test(arguments: [
        ("Is training data watermarked?", AnswerSource.Kind.facet),
        ("Do you support bring your own key (BYOK) or customer-held encryption keys?", .library),
        ("Is there a disciplinary process for breaches of the information security policy?", .control),
    ])
    func theSourceIsRecorded(text: String, kind: AnswerSource.Kind) {
        #expect(Self.draft(text).answer.source?.kind == kind)
    }

    /// A library answer's facet answers the narrower aspect; the whole answer still answers the broad question.
    @Test(arguments: [
        ("Which TLS versions do you accept?", "LIB-024#tls-versions", "TLS 1.0"),
        ("Is TLS 1.2 or higher enforced for all data in transit?", "LIB-024#tls-versions", "TLS 1.0"),
        ("Is data encrypted in transit?", "LIB-024", "TLS 1.2 or higher"),
    ])
    func aLibraryAnswersFacetAnswersItsAspect(text: String, source: String, phrase: String) {
        let answer = Self.draft(text).answer
        #expect(answer.source == AnswerSource(kind: .library, id: source), "\(answer.source?.id ?? "-"): \(answer.text)")
        #expect(answer.text.contains(phrase))
        #expect(answer.citations.contains(Citation(kind: .library, id: "LIB-024")))
    }

    /// Wordings that share every noun of LIB-063's alternate "Is production data copied into
    /// non-production environments?" but ask whether the environments are kept apart: its "No"
    /// answered them at high confidence. The thesaurus's predicate groups tell the claims apart.
    static let keptApart = [
        "Are non-production environments kept apart from production environments?",
        "Do you isolate non-production environments from production environments?",
        "Are your production and non-production environments segregated?",
    ]

    /// Another claim about the same nouns: the approved answer is set aside, the separation
    /// control answers with its Yes, and the signals say which answer was set aside and why.
    @Test(arguments: keptApart)
    func anApprovedAnswerAssertingAnotherClaimIsSetAside(text: String) {
        let drafted = Self.draft(text)
        let answer = drafted.answer
        #expect(drafted.intent == .yesno)
        #expect(answer.source != AnswerSource(kind: .library, id: "LIB-063"), "\(answer.choice ?? "-"): \(answer.text)")
        #expect(answer.source == AnswerSource(kind: .control, id: "iso27001:A.8.31"), "\(answer.source?.id ?? "-")")
        #expect(answer.choice == "Yes")
        let recorded = answer.signals?.differentClaim ?? ""
        #expect(recorded.contains("LIB-063 \"Is production data copied into non-production environments?\" asserts copied"), "\(recorded)")
        #expect(recorded.hasSuffix("the question asks kept separate"), "\(recorded)")
    }

    /// Synonyms of one claim do not trip the check: an approved answer worded with "segregated"
    /// still answers "kept apart", as a whole answer with its choice, while LIB-063 beside it is set
    /// aside.
    @Test(arguments: keptApart)
    func anApprovedAnswerAssertingTheSameClaimInOtherWordsIsReused(text: String) {
        var content = Self.content
        content.library.append(
            LibraryAnswer(
                id: "LIB-T01", question: "Are production and non-production environments segregated?", choice: "Yes",
                answer: "Yes. Production runs in its own cloud accounts, apart from development and staging.", topic: "security",
                controls: [ControlRef(.iso27001, "A.8.31")], evidence: [], systems: [], assessments: [], approvedBy: "CISO",
                approvedDate: "2026-11-01", source: "test"))
        let answer = Self.draft(text, drafter: Drafter(content: content, asOf: "2026-11-23")).answer
        #expect(answer.source == AnswerSource(kind: .library, id: "LIB-T01"), "\(answer.source?.id ?? "-"): \(answer.text)")
        #expect(answer.choice == "Yes")
        #expect(!answer.flags.contains(.partialAnswer), "\(answer.flags)")
    }

    /// A question naming no predicate the thesaurus lists, and a describe request, reuse LIB-063 as
    /// before: the check reads only what a yes/no question asserts.
    @Test(
        arguments: [
            ("Is production data present in non-production environments?", "No"),
            ("Does production data ever reach non-production environments?", "No"),
            ("Describe how production data is copied into non-production environments.", nil),
        ] as [(String, String?)])
    func withoutAClaimToCompareTheApprovedAnswerIsReused(text: String, choice: String?) {
        let answer = Self.draft(text).answer
        #expect(answer.source == AnswerSource(kind: .library, id: "LIB-063"), "\(answer.source?.id ?? "-"): \(answer.text)")
        #expect(answer.choice == choice)
        #expect(answer.signals?.differentClaim == nil)
    }

    /// A facet's example asserts a claim too: a question about the same nouns that asks another
    /// thing does not take the facet's Yes at high confidence, and the signals say why.
    @Test(arguments: [
        ("Is model performance against acceptance criteria monitored after release to production?", "iso42001:A.6.2.4#validation"),
        ("Are AI suppliers notified periodically of changes to your requirements?", "iso42001:A.10.3#supplier-assessment"),
    ])
    func aFacetWhoseExampleAssertsAnotherClaimIsSetAside(text: String, facet: String) {
        let answer = Self.draft(text).answer
        #expect(answer.facet != facet, "\(answer.text)")
        #expect(answer.confidence != .high, "\(answer.score)")
        #expect(answer.signals?.differentClaim?.hasPrefix(facet + " \"") == true, "\(answer.signals?.differentClaim ?? "-")")
    }

    /// Pattern 4: a source that does not speak to what is asked (`partial_answer`) does not settle a
    /// yes/no question with its control's status; the choice is left to the reviewer.
    @Test(arguments: [
        "Do you rate each model for exposure to newly published attack techniques every quarter?",
        "Do you keep model documentation in line with the model actually deployed?",
    ])
    func aPartialAnswerLeavesTheChoiceToTheReviewer(text: String) {
        let drafted = Self.draft(text)
        #expect(drafted.intent == .yesno)
        #expect(drafted.answer.flags.contains(.partialAnswer), "\(drafted.answer.flags)")
        #expect(drafted.answer.choice == nil, "\(drafted.answer.choice ?? "-")")
        #expect(drafted.answer.flags.contains(.needsSME))
    }

    /// A qualifier the answer does not support ("by an outside firm", "published", "quarterly"):
    /// the source answers the wider question, so its "Yes" is not drafted; the draft is a partial
    /// answer at low confidence, and the signals name the qualifier.
    @Test(arguments: [
        ("Has an outside firm red-teamed your generative AI features?", "independent party"),
        ("Are the results of your bias testing published?", "publicly"),
        ("Do independent assessors audit your AI impact assessments?", "independent party"),
    ])
    func aQualifierTheAnswerDoesNotSupportLeavesTheChoiceToTheReviewer(text: String, qualifier: String) {
        let answer = Self.draft(text).answer
        #expect(answer.flags.contains(.partialAnswer), "\(answer.flags): \(answer.text)")
        #expect(answer.choice == nil, "\(answer.choice ?? "-")")
        #expect(answer.confidence == .low)
        #expect(answer.signals?.unsupportedQualifiers == qualifier, "\(answer.signals?.unsupportedQualifiers ?? "-")")
    }

    /// A qualifier the answer does speak to keeps its choice: the AI inventory is reconciled every
    /// quarter, and the subprocessor list is published on the trust centre.
    @Test(arguments: [
        "Is your AI system inventory reconciled quarterly?",
        "Is your list of subprocessors published?",
    ])
    func aQualifierTheAnswerSupportsKeepsItsChoice(text: String) {
        let answer = Self.draft(text).answer
        #expect(answer.signals?.unsupportedQualifiers == nil, "\(answer.signals?.unsupportedQualifiers ?? "-")")
        #expect(answer.choice == "Yes", "\(answer.source?.id ?? "-"): \(answer.text)")
    }

    /// A time bound the answer does not meet: the approved breach-notification answer says 48
    /// hours, so "within 12 hours" is not a Yes; "within 72 hours" is met by it.
    @Test func aTimeBoundTheAnswerDoesNotMeetLeavesTheChoiceToTheReviewer() {
        let strict = Self.draft("Do you notify customers of a personal data breach within 12 hours?").answer
        #expect(strict.flags.contains(.partialAnswer), "\(strict.flags): \(strict.text)")
        #expect(strict.choice == nil)
        #expect(strict.signals?.unsupportedQualifiers == "12 hours", "\(strict.signals?.unsupportedQualifiers ?? "-")")
        let loose = Self.draft("Do you notify customers of a personal data breach within 72 hours?").answer
        #expect(loose.signals?.unsupportedQualifiers == nil, "\(loose.signals?.unsupportedQualifiers ?? "-")")
        #expect(loose.text.contains("48 hours"), "\(loose.source?.id ?? "-"): \(loose.text)")
    }

    /// Pattern 4: a statement that denies what is asked answers No though its control is
    /// implemented, and the signals quote the denial; the same statement asked about what it
    /// affirms still answers Yes, and a denial of the unwanted ("unapproved tools are blocked") or
    /// a requirement ("no system moves to pilot without approval") is no denial.
    @Test(
        arguments: [
            ("Do engineers hold standing administrator access to production systems?", "No", "no engineer has standing administrative access to"),
            ("Does Northwind run a data centre of its own?", "No", "northwind runs no data centres or server rooms of"),
            ("Can personal phones of staff reach customer data?", "No", "personal devices cannot reach customer data"),
            ("Do engineers get privileged access to production just in time?", "Yes", nil),
            ("Are unapproved AI tools blocked on staff devices?", "Yes", nil),
        ] as [(String, String, String?)])
    func aStatementThatDeniesWhatIsAskedAnswersNo(text: String, choice: String, denial: String?) {
        let answer = Self.draft(text).answer
        #expect(answer.choice == choice, "\(answer.source?.id ?? "-"): \(answer.text)")
        #expect(answer.signals?.denial == denial)
    }
}
