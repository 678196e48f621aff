import Foundation
import Testing
import TestSupport

/// `export RUN --evidence-pack`: coverage, reviewed answers by control, and no internal evidence.
@Suite(.serialized) struct EvidencePackEndToEndTests {
    typealias Scratch = ReviewExportEndToEndTests.Scratch

    /// Rows of Samples/org/evidence.csv as `id, title, confidentiality, location`.
    static func evidenceRows() throws -> [(id: String, title: String, confidentiality: String, location: String)] {
        let text = try String(contentsOf: ReviewExportEndToEndTests.root.appendingPathComponent("Samples/org/evidence.csv"), encoding: .utf8)
        #expect(!text.contains("\""), "the sample has no quoted fields, so splitting on commas is exact")
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (fields[0], fields[1], fields[7], fields[8])
        }
    }

    /// A question's citations; controls and clauses framework-qualified (`iso42001:A.5.2`).
    static func citations(_ question: [String: Any]) -> [(kind: String, id: String)] {
        ((question["answer"] as? [String: Any])?["citations"] as? [[String: Any]] ?? []).map {
            let id = $0["id"] as? String ?? ""
            return ($0["kind"] as? String ?? "", ($0["framework"] as? String).map { "\($0):\(id)" } ?? id)
        }
    }

    @Test(arguments: ["pack.md", "pack.html"])
    func packListsReviewedAnswersByControlAndNoInternalEvidence(name: String) throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, questions) = try scratch.draft()
        var approved: [[String: Any]] = []
        for question in questions where !ReviewExportEndToEndTests.answer(question).text.isEmpty {
            let outcome = try scratch.run(["review", "approve", id, ReviewExportEndToEndTests.key(question), "--reviewer", "Ana <QA>"])
            if outcome.status == 0 { approved.append(question) }
        }
        try #require(approved.count >= 2)
        let rejected = try #require(questions.first { question in !approved.contains { ReviewExportEndToEndTests.key($0) == ReviewExportEndToEndTests.key(question) } })
        #expect(try scratch.run(["review", "reject", id, ReviewExportEndToEndTests.key(rejected), "--reviewer", "Ana"]).status == 0)

        let path = scratch.folder.appendingPathComponent(name).path
        let outcome = try scratch.run(["export", id, "--evidence-pack", path, "--kb", "Samples/org"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let pack = try String(contentsOfFile: path, encoding: .utf8)
        let html = name.hasSuffix(".html")

        // For the buyer: the answers and their references, no reviewer, counts of rejected or open questions, or keys.
        #expect(pack.contains("\(approved.count) answers"))
        for hidden in ["Ana <QA>", "Ana &lt;QA&gt;", "Ana \\<QA\\>", "Rejected", "Undecided", id] {
            #expect(!pack.contains(hidden), "\(hidden) in the pack")
        }

        // Each approved answer sits under the heading of the first control its draft cited.
        for question in approved {
            let reference =
                (question["id"] as? String).flatMap { $0.isEmpty ? nil : $0 }
                ?? "\(question["sheet"] as? String ?? ""), row \(question["row"] as? Int ?? 0)"
            guard let control = Self.citations(question).first(where: { $0.kind == "control" || $0.kind == "clause" })?.id else { continue }
            let bare = String(control.split(separator: ":").last ?? "")
            // Markdown escapes a leading "4." so the heading cannot turn into a numbered list.
            let markdownID = bare.first?.isNumber == true ? bare.replacingOccurrences(of: ".", with: "\\.", options: [], range: bare.range(of: ".")) : bare
            let heading = html ? "<h4>\(bare) " : "#### \(markdownID) "
            // The same bare ID can head a section under two frameworks: look under its own.
            let titles = ["iso42001": "ISO/IEC 42001", "iso27001": "ISO/IEC 27001", "soc2": "SOC 2"]
            let frameworkTitle = titles[String(control.split(separator: ":").first ?? "")] ?? ""
            let frameworkRange = try #require(pack.range(of: html ? "<h3>\(frameworkTitle)</h3>" : "### \(frameworkTitle)\n"))
            let headingRange = try #require(pack.range(of: heading, range: frameworkRange.upperBound..<pack.endIndex), "heading for \(control)")
            let section = pack[headingRange.upperBound...].components(separatedBy: html ? "<h4>" : "\n#### ").first ?? ""
            #expect(section.contains(html ? "<span class=\"reference\">\(reference)</span>" : "**\(reference)**"), "\(reference) under \(control)")
        }

        let rows = try Self.evidenceRows()
        let cited = Set(approved.flatMap { Self.citations($0).filter { $0.kind == "evidence" }.map(\.id) })
        for row in rows where cited.contains(row.id) && row.confidentiality != "internal" {
            #expect(pack.contains(html ? EvidencePackEndToEndTests.htmlEscaped(row.title) : row.title), "cited \(row.id)")
            #expect(pack.contains(row.confidentiality == "public" ? row.location : "available under NDA"))
        }
        let internalRows = rows.filter { $0.confidentiality == "internal" }
        try #require(!internalRows.isEmpty)
        for row in internalRows {
            for secret in [row.id, row.title, row.location] {
                #expect(!pack.contains(secret), "internal \(row.id) leaked: \(secret)")
                #expect(!pack.contains(EvidencePackEndToEndTests.htmlEscaped(secret)), "internal \(row.id) leaked: \(secret)")
            }
        }
    }

    @Test func evidencePackAloneNeedsNoOutAndSomethingToWrite() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, _) = try scratch.draft()
        let neither = try scratch.run(["export", id])
        #expect(neither.status != 0)
        #expect(neither.stderr.contains("--evidence-pack"))
        let path = scratch.folder.appendingPathComponent("pack.md").path
        let empty = try scratch.run(["export", id, "--evidence-pack", path, "--kb", "Samples/org"])
        #expect(empty.status != 0 && empty.stderr.contains("has no approved or edited answer"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try scratch.run(["export", id, "--evidence-pack", path, "--allow-empty", "--kb", "Samples/org"]).status == 0)
        let first = try String(contentsOfFile: path, encoding: .utf8)
        #expect(first.contains("No answers have been approved yet."))
        #expect(
            try scratch.run(["export", id, "--evidence-pack", path, "--allow-empty", "--kb", "Samples/org"]).status != 0,
            "an existing pack is kept")
        #expect(try scratch.run(["export", id, "--evidence-pack", path, "--allow-empty", "--force", "--kb", "Samples/org"]).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first, "deterministic")
    }

    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
