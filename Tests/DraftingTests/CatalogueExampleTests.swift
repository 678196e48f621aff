import Foundation
import Testing
import KnowledgeBase
import ResponderModel
import TestSupport
@testable import Drafting

/// The catalogue's example questions are executable: each must retrieve its own entry in the top 3
/// with the shipped mappings and the sample organisation.
@Suite struct CatalogueExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var entry: String
        var text: String
        var testDescription: String { "\(entry): \(text)" }
    }

    static let content: KnowledgeBaseContent = {
        let root = Fixtures.repositoryRoot()
        return KnowledgeBaseLoader.load(mappings: root.appendingPathComponent("Mappings").path,
                                        organisation: root.appendingPathComponent("Samples/org").path).content
    }()

    static let matcher = QuestionMatcher(content: content)

    static let examples: [Example] = content.catalogue.flatMap { entry in
        entry.examples.map { Example(entry: entry.id, text: $0) }
    }

    @Test func everyEntryCarriesEnoughExamples() {
        #expect(CatalogueExampleTests.content.catalogue.count == 65)
        for entry in CatalogueExampleTests.content.catalogue {
            #expect(entry.examples.count >= (entry.kind == .control ? 5 : 2), "\(entry.id)")
        }
    }

    @Test(arguments: examples)
    func exampleRetrievesItsEntryInTheTopThree(example: Example) {
        let result = CatalogueExampleTests.matcher.match(example.text, context: "AI governance")
        let top = result.matches.prefix(3).map(\.control)
        #expect(top.contains(example.entry), "got \(top)")
    }
}
