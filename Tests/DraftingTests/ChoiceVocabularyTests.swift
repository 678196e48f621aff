import Testing
@testable import Drafting

@Suite struct ChoiceVocabularyTests {
    @Test(arguments: [
        (ChoiceVocabulary.Canonical.yes, ["Yes", "No", "N/A"], "Yes"),
        (.notApplicable, ["Yes", "No", "N/A"], "N/A"),
        (.notApplicable, ["Y", "N", "NA"], "NA"),
        (.notApplicable, ["Compliant", "Not Compliant", "Not Applicable"], "Not Applicable"),
        (.yes, ["Y", "N"], "Y"),
        (.partial, ["Yes", "Partially", "No"], "Partially"),
        (.no, ["Fully implemented", "Partially implemented", "Not implemented"], "Not implemented"),
    ])
    func mapsToTheBuyersSpelling(choice: ChoiceVocabulary.Canonical, allowed: [String], expected: String) {
        #expect(ChoiceVocabulary.value(for: choice, allowed: allowed) == expected)
    }

    @Test func refusesWhenTheListAllowsNoForm() {
        #expect(ChoiceVocabulary.value(for: .partial, allowed: ["Yes", "No"]) == nil)
    }

    @Test func usesTheCanonicalValueWithoutAList() {
        #expect(ChoiceVocabulary.value(for: .partial, allowed: nil) == "Partial")
    }
}
