import Hummingbird
import ResponderModel
import RunStore

extension ReviewDesk {
    /// `GET /library?q=TEXT`: full-text search (FTS5, as `responder search`) of library answers,
    /// catalogue statements and evidence titles; each library answer with where it came from and the
    /// runs whose drafts cited it.
    func libraryPage(_ request: Request) async throws -> Response {
        let (name, csrf) = try await reviewer(request)
        let text = FormFields(request.uri.query ?? "").nonEmpty("q")
        let form = HTML.element(
            "form", [("method", "get"), ("action", "/library"), ("class", "filters")],
            [
                .element("label", [], [HTML("Search "), .element("input", [("type", "search"), ("name", "q"), ("id", "library-q"), ("value", text ?? "")])]),
                .element("button", [("type", "submit")], text: "Search"),
            ])
        var body: [HTML] = [form]
        if let text {
            let hits = try await search.search(text, limit: 40)
            let used = try await libraryUse()
            let libraryRows = hits.filter { $0.kind == "library" }.compactMap { hit in content.library.first { $0.id == hit.ref } }.map { answer in
                HTML.element(
                    "tr", [],
                    [
                        .element("td", [("class", "mono")], text: answer.id),
                        .element("td", [], [HTML(answer.question)] + Self.alternates(answer.alternateQuestions)),
                        .element("td", text: [answer.choice, answer.answer].compactMap { $0 }.joined(separator: ". ")),
                        .element("td", text: "\(answer.source); approved by \(answer.approvedBy) on \(answer.approvedDate)"),
                        .element("td", text: used[answer.id].map { $0.sorted().joined(separator: ", ") } ?? "not cited by any run"),
                    ])
            }
            let statementRows = hits.filter { $0.kind != "library" }.map { hit -> HTML in
                let title =
                    hit.kind == "evidence"
                    ? content.evidence.first { $0.id == hit.ref }?.title ?? ""
                    : content.catalogue.first { $0.ref.description == hit.ref }?.title ?? ""
                return .element(
                    "tr", [],
                    [
                        .element("td", text: hit.kind), .element("td", [("class", "mono")], text: hit.ref),
                        .element("td", text: title),
                    ])
            }
            body.append(.element("h2", text: "Library answers"))
            body.append(
                libraryRows.isEmpty
                    ? .element("p", text: "No library answer matches.")
                    : Self.table(
                        ["ID", "Question", "Answer", "Where it came from", "Used in runs"], libraryRows,
                        attributes: [("id", "library-results")]))
            body.append(.element("h2", text: "Controls, statements and evidence"))
            body.append(
                statementRows.isEmpty
                    ? .element("p", text: "Nothing else matches.")
                    : Self.table(["Kind", "Reference", "Title"], statementRows))
        } else {
            body.append(.element("p", text: "\(content.library.count) answers in the library. Search them by any words of a question or answer."))
        }
        return Self.page(Self.layout(title: "Library", reviewer: name, csrf: csrf, body: body))
    }

    /// An answer's alternate questions, listed under its question in muted text; nothing when it has none.
    static func alternates(_ questions: [String]) -> [HTML] {
        guard !questions.isEmpty else { return [] }
        return [.element("ul", [("class", "alternates meta")], questions.map { .element("li", text: $0) })]
    }

    /// Library answer ID to the files of the runs whose drafts cite it.
    private func libraryUse() async throws -> [String: Set<String>] {
        var used: [String: Set<String>] = [:]
        for run in try await store.runs() {
            for question in try await store.questions(run: run.id) {
                for citation in question.citations.compactMap(Citation.init(encoded:)) where citation.kind == .library {
                    used[citation.id, default: []].insert("\(Self.fileName(run.path)) (\(question.key))")
                }
            }
        }
        return used
    }
}
