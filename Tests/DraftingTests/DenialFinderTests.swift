import Testing
@testable import Drafting

/// The denial finder on its own: a negation counts only within its clause, when the words around
/// it hold enough of the question, and never when the question itself asks about a safeguard.
@Suite struct DenialFinderTests {
    /// Plain lower-cased words as terms, so the cases read as written.
    static func terms(_ text: String) -> Set<String> { Set(TextAnalyzer.rawWords(text)) }
    static func weighted(_ text: String) -> [(term: String, weight: Double)] {
        TextAnalyzer.rawWords(text).filter { $0.count > 3 }.map { (term: $0, weight: 1) }
    }

    @Test(arguments: [
        ("Do contractors receive laptops from the company?", "Contractors never receive company laptops.", true),
        ("Do contractors receive laptops from the company?", "Contractors receive company laptops.", false),
        ("Do contractors receive laptops from the company?", "No contractors work on site; laptops come from the company.", false),
        ("Are contractor laptops blocked from production?", "Contractors never receive company laptops.", false),
        ("Do contractors receive laptops from the company?", "No contractor receives laptops without a signed agreement.", false),
        ("Do contractors receive laptops from the company?", "Unmanaged laptops are blocked for contractors of the company.", false),
    ])
    func findsADenialOfWhatIsAsked(question: String, answer: String, denied: Bool) {
        let found = DenialFinder.denial(asked: question, questionTerms: Self.weighted(question), in: answer, terms: Self.terms)
        #expect((found != nil) == denied, "\(found ?? "-")")
    }
}
