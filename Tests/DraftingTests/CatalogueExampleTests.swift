import Foundation
import Testing
import KnowledgeBase
import ResponderModel
import TestSupport
@testable import Drafting

/// The catalogue's example questions are executable: each must retrieve its own entry, of its own
/// framework, in the top 3 of every claimed framework's entries, with the shipped mappings and the
/// sample organisation.
@Suite struct CatalogueExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var entry: ControlRef
        var text: String
        var testDescription: String { "\(entry): \(text)" }
    }

    static let content = SampleKnowledgeBase.content

    static let matcher = QuestionMatcher(content: content)

    static let examples: [Example] = content.catalogue.flatMap { entry in
        entry.examples.map { Example(entry: entry.ref, text: $0) }
    }

    @Test func theISO42001CatalogueIsComplete() {
        #expect(CatalogueExampleTests.content.catalogue.filter { $0.framework == .iso42001 }.count == 65)
    }

    /// ISO/IEC 42001's entries carry at least 5 examples per control and 2 per clause; the other
    /// frameworks' at least 8 per entry (FRAMEWORKS-SPEC).
    @Test(arguments: FrameworkCode.allCases)
    func everyEntryCarriesEnoughExamples(framework: FrameworkCode) {
        for entry in CatalogueExampleTests.content.catalogue where entry.framework == framework {
            let minimum = framework == .iso42001 ? (entry.kind == .control ? 5 : 2) : 8
            #expect(entry.examples.count >= minimum, "\(entry.ref)")
        }
    }

    @Test(arguments: examples)
    func exampleRetrievesItsEntryInTheTopThree(example: Example) {
        let top = CatalogueExampleTests.matcher.rankings(for: example.text).prefix(3).map(\.entry.ref)
        #expect(top.contains(example.entry), "got \(top)")
    }
}
