import Foundation
import ResponderModel
import Spreadsheet
import Testing
import TestSupport
@testable import KnowledgeBase

/// The project ships only wording it wrote itself (issue 17). Facts such as subcategory IDs and
/// mappings carry over from published frameworks; their sentences do not. These tests compare our
/// crosswalk titles and catalogue text with the published texts kept in `../shared/reference/`
/// (NIST's AI RMF 1.0 subcategories; Google's VSAQ questions) and fail on any copied run of words.
/// That folder sits beside the repository (CI has it); without it the tests are skipped.
@Suite struct CrosswalkWordingTests {
    /// Runs of this many consecutive words shared with a published text count as copied.
    static let copiedRun = 8

    static let reference = Fixtures.repositoryRoot().deletingLastPathComponent().appendingPathComponent("shared/reference")
    static let nistSubcategories = reference.appendingPathComponent("nist-ai-rmf-1.0-subcategories.csv")
    static let nistCrosswalk = reference.appendingPathComponent("NIST_AI_RMF_to_ISO_IEC_42001_Crosswalk.md")
    static let vsaqQuestions = reference.appendingPathComponent("google-vsaq/vsaq-questions.csv")
    static let referenceExists = FileManager.default.fileExists(atPath: nistSubcategories.path)

    private static let skipNote: Comment = "../shared/reference/nist-ai-rmf-1.0-subcategories.csv is absent; wording checks skipped"

    @Test(.enabled(if: referenceExists, skipNote))
    func crosswalkTitlesAreOurOwnWords() throws {
        var published = try Self.nistTexts()
        try Self.addVSAQ(to: &published)
        let crosswalks = Self.mappings().crosswalks
        #expect(crosswalks.count >= 3 && crosswalks.allSatisfy { !$0.entries.isEmpty })
        for crosswalk in crosswalks {
            for entry in crosswalk.entries {
                if let source = published.copiedSource(of: entry.title) {
                    Issue.record("\(crosswalk.framework) \(entry.id): title '\(entry.title)' copies \(source)")
                }
            }
        }
    }

    @Test(.enabled(if: referenceExists, skipNote))
    func catalogueTextIsOurOwnWords() throws {
        var published = try Self.nistTexts()
        try Self.addVSAQ(to: &published)
        let catalogue = Self.mappings().catalogue
        #expect(!catalogue.isEmpty)
        for entry in catalogue {
            let texts =
                [("description", entry.description)] + entry.keywords.map({ ("keyword", $0) })
                + entry.examples.map({ ("example", $0) })
            for (field, text) in texts {
                if let source = published.copiedSource(of: text) {
                    Issue.record("\(entry.id) \(field) '\(text)' copies \(source)")
                }
            }
        }
    }

    @Test(.enabled(if: referenceExists, skipNote))
    func theCheckCatchesCopiedText() throws {
        let published = try Self.nistTexts()
        // Equal to a short subcategory text, whatever the case and punctuation.
        #expect(published.copiedSource(of: "organizational risk tolerances are determined and documented") == "NIST MAP 1.5")
        // Eight consecutive words of a longer one, hyphen dropped or not.
        #expect(published.copiedSource(of: "Our mechanisms are in place to inventory AI systems") == "NIST GOVERN 1.6")
        #expect(published.copiedSource(of: "Potentially beneficial uses, contextspecific laws, norms and expectations") == "NIST MAP 1.1")
        // A subcategory whose CSV description is empty, found through NIST's crosswalk.
        #expect(published.copiedSource(of: "Contingency processes are in place to handle failures or incidents") == "NIST GOVERN 6.2")
        // Seven words, or a few words naming the subject, are not a copy.
        #expect(published.copiedSource(of: "Mechanisms are in place to inventory AI") == nil)
        #expect(published.copiedSource(of: "AI system inventory") == nil)
        // Google's VSAQ questions count as published text too.
        if FileManager.default.fileExists(atPath: Self.vsaqQuestions.path) {
            var withVSAQ = published
            try Self.addVSAQ(to: &withVSAQ)
            #expect(withVSAQ.copiedSource(of: "Does your company have a strong, established security program?") == "VSAQ secprog")
        }
    }

    // MARK: - Helpers

    /// Published texts, indexed for the copy check.
    struct PublishedTexts {
        private var whole: [String: String] = [:]  // normalised text -> label
        private var runs: [String: String] = [:]  // copiedRun normalised words -> label

        mutating func add(_ text: String, label: String) {
            let words = CrosswalkWordingTests.words(text)
            guard !words.isEmpty else { return }
            if whole[words.joined(separator: " ")] == nil { whole[words.joined(separator: " ")] = label }
            guard words.count >= copiedRun else { return }
            for start in 0...(words.count - copiedRun) {
                let run = words[start..<(start + copiedRun)].joined(separator: " ")
                if runs[run] == nil { runs[run] = label }
            }
        }

        /// The label of the text that `text` equals or shares `copiedRun` consecutive words with.
        func copiedSource(of text: String) -> String? {
            let words = CrosswalkWordingTests.words(text)
            guard !words.isEmpty else { return nil }
            if let label = whole[words.joined(separator: " ")] { return label }
            guard words.count >= copiedRun else { return nil }
            for start in 0...(words.count - copiedRun) {
                if let label = runs[words[start..<(start + copiedRun)].joined(separator: " ")] { return label }
            }
            return nil
        }
    }

    /// Lower-cased words with punctuation ignored; hyphens and apostrophes join their word
    /// (`context-specific`, `organization's`) because the PDF conversion dropped some of NIST's hyphens.
    static func words(_ text: String) -> [String] {
        let joined = text.lowercased().filter { !"-'\u{2019}\u{2010}\u{2011}".contains($0) }
        return joined.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The AI RMF 1.0 subcategory and category texts from the CSV, labelled by their IDs, plus the
    /// subcategory text NIST prints in its crosswalk (which has the five the CSV leaves empty).
    static func nistTexts() throws -> PublishedTexts {
        var published = PublishedTexts()
        let data = try Data(contentsOf: nistSubcategories)
        let rows = try CSVReader.read(data: data, path: nistSubcategories.path).sheets[0].rows
        let header = rows.first?.cells.map(\.value.displayText) ?? []
        let column = { (name: String) throws -> Int in
            guard let index = header.firstIndex(of: name) else { throw MissingColumn(file: nistSubcategories.lastPathComponent, name: name) }
            return index + 1
        }
        let id = try column("subcategory_id"), description = try column("description")
        let category = try column("category_id"), categoryText = try column("category_text")
        #expect(rows.count > 72, "too few rows in \(nistSubcategories.path)")
        for row in rows.dropFirst() {
            let text = { (column: Int) in row.cell(inColumn: column)?.value.displayText ?? "" }
            published.add(text(description), label: "NIST " + text(id))
            published.add(text(categoryText), label: "NIST " + text(category))
        }
        if let crosswalk = try? String(contentsOf: nistCrosswalk, encoding: .utf8) {
            for (label, text) in crosswalkTexts(crosswalk) { published.add(text, label: "NIST " + label) }
        }
        return published
    }

    /// Google's VSAQ questions (Apache-2.0), real buyer wording our examples must not copy either.
    static func addVSAQ(to published: inout PublishedTexts) throws {
        guard FileManager.default.fileExists(atPath: vsaqQuestions.path) else { return }
        let rows = try CSVReader.read(data: Data(contentsOf: vsaqQuestions), path: vsaqQuestions.path).sheets[0].rows
        let header = rows.first?.cells.map(\.value.displayText) ?? []
        guard let id = header.firstIndex(of: "ID"), let question = header.firstIndex(of: "Question") else {
            throw MissingColumn(file: vsaqQuestions.lastPathComponent, name: "ID or Question")
        }
        for row in rows.dropFirst() {
            let text = { (column: Int) in row.cell(inColumn: column + 1)?.value.displayText ?? "" }
            published.add(text(question), label: "VSAQ " + text(id))
        }
    }

    /// The subcategory text in NIST's crosswalk table: its second column, wrapped over rows until
    /// the next subcategory (`| Govern 6.2 | Contingency processes ... | B.10.2 | ... |`).
    static func crosswalkTexts(_ markdown: String) -> [(label: String, text: String)] {
        var texts: [(label: String, text: String)] = []
        for line in markdown.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let first = cells[0].split(separator: " ")
            if first.count == 2, ["govern", "map", "measure", "manage"].contains(first[0].lowercased()) {
                texts.append(("\(first[0].uppercased()) \(first[1])", ""))
            }
            guard !texts.isEmpty, !cells[1].isEmpty else { continue }
            texts[texts.count - 1].text += " " + cells[1].replacingOccurrences(of: "<br>", with: " ")
        }
        return texts
    }

    struct MissingColumn: Error, CustomStringConvertible {
        var file: String
        var name: String
        var description: String { "\(file) has no column '\(name)'" }
    }

    static func mappings() -> KnowledgeBaseContent {
        let root = Fixtures.repositoryRoot()
        return KnowledgeBaseLoader.load(
            mappings: root.appendingPathComponent("Mappings").path,
            organisation: root.appendingPathComponent("Samples/org").path
        ).content
    }
}
