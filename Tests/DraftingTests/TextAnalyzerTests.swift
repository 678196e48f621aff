import Testing
import ResponderModel
@testable import Drafting

@Suite struct TextAnalyzerTests {
    private let analyzer = TextAnalyzer(
        thesaurus: Thesaurus(
            abbreviations: ["HITL": "human in the loop", "DPIA": "data protection impact assessment"],
            synonyms: [["human oversight", "human in the loop", "human review"], ["bias", "fairness", "discrimination"]]))

    @Test(arguments: [
        ("assessments", "assess"), ("assessing", "assess"), ("assessed", "assess"), ("policies", "polici"),
        ("monitoring", "monitor"), ("organization", "organ"), ("validation", "valid"), ("controls", "control"),
    ])
    func stems(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    @Test func accountabilityKeepsAStemOfItsOwn() {
        #expect(analyzer.analyze("accountable accountability").words == ["accountabl", "accountabl"])
        #expect(analyzer.analyze("accounts").words == ["account"])
    }

    @Test(arguments: [
        ("risk assess*", "Risk assessments", true), ("risk assess*", "risk register", false),
        ("access review*", "Quarterly access reviews?", true), ("data residency", "data residence", false),
    ])
    func aStarredPhraseEndsInAPrefix(subject: String, text: String, named: Bool) {
        #expect(SubjectDetector(subjects: [subject]).isNamed(in: text) == named)
    }

    @Test func foldsBritishSpellingsBeforeStemming() {
        #expect(analyzer.analyze("labelling anonymisation").words == analyzer.analyze("labeling anonymization").words)
    }

    @Test func expandsAbbreviationsIntoConcepts() {
        let terms = analyzer.analyze("Is there HITL review?")
        #expect(terms.concepts.contains("~human_oversight"))
        #expect(terms.words.contains("loop"))
    }

    @Test func anExpansionSharesOneTermsWeight() {
        // "DPIA" is the word itself plus four expansion words; those four count as one term together,
        // so the abbreviation does not outweigh the rest of the question.
        let terms = analyzer.analyze("DPIA template")
        let weights = Dictionary(zip(terms.words, terms.wordWeights), uniquingKeysWith: +)
        #expect(weights["dpia"] == 1)
        #expect(weights["templat"] == 1)
        #expect(["data", "protect", "impact", "assess"].map { weights[$0] ?? 0 } == [0.25, 0.25, 0.25, 0.25])
        #expect(terms.weighted.filter { $0.term.hasPrefix("~") }.allSatisfy { $0.weight == 1 })
    }

    @Test func synonymsShareAConcept() {
        #expect(analyzer.analyze("fairness testing").concepts == analyzer.analyze("bias testing").concepts)
    }

    @Test func dropsStopWordsAndPunctuation() {
        #expect(analyzer.analyze("Please provide: the AI policy*").words == ["ai", "polici"])
    }
}
