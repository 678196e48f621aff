import Hummingbird
import ResponderModel
import RunStore
import Workflow

extension ReviewDesk {
    /// The run page's filters, from its query string.
    struct ReviewFilter: Sendable {
        var confidence: String?
        var flag: String?
        var framework: String?
        var sheet: String?
        /// `approved`, `edited`, `rejected` or `open`.
        var decision: String?
        var text: String?
        /// `order` (questionnaire order), `confidence`, `key` or `decision`.
        var sort: String

        init(_ fields: FormFields) {
            confidence = fields.nonEmpty("confidence")
            flag = fields.nonEmpty("flag")
            framework = fields.nonEmpty("framework")
            sheet = fields.nonEmpty("sheet")
            decision = fields.nonEmpty("decision")
            text = fields.nonEmpty("q")
            sort = fields.nonEmpty("sort") ?? "order"
        }

        func admits(_ question: RunQuestion, _ decision: ReviewDecision?) -> Bool {
            if let confidence, question.confidence != confidence { return false }
            if let flag, !question.flags.contains(flag) { return false }
            if let framework, !ReviewDesk.frameworks(of: question).contains(framework) { return false }
            if let sheet, question.sheet != sheet { return false }
            if let wanted = self.decision, (decision?.status.rawValue ?? "open") != wanted { return false }
            if let text {
                let haystack = [question.key, question.text, question.draftText, question.draftChoice ?? "", decision?.text ?? ""]
                if !haystack.contains(where: { $0.localizedCaseInsensitiveContains(text) }) { return false }
            }
            return true
        }
    }

    static let confidenceOrder = ["low", "medium", "high"]

    /// The frameworks of the controls a question's draft cites.
    static func frameworks(of question: RunQuestion) -> Set<String> {
        Set(question.citations.compactMap { Citation(encoded: $0)?.framework?.rawValue })
    }

    /// `GET /runs/RUN`: the run's questions, filtered, searched and sorted, to open or approve several at once.
    func reviewPage(
        _ request: Request, run: String, query: String? = nil, notices: [HTML] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let query = query ?? request.uri.query ?? ""
        let (name, csrf) = try await reviewer(request)
        guard let summary = try await store.run(run) else { throw DeskRefusal(.notFound, "No run \(run) in this store.") }
        let filter = ReviewFilter(FormFields(query))
        let questions = try await store.questions(run: run)
        let decisions = Dictionary(try await store.decisions(run: run).map { ($0.key, $0) }) { first, _ in first }
        var shown = questions.filter { filter.admits($0, decisions[$0.key]) }
        switch filter.sort {
        case "confidence":
            shown.sort {
                (Self.confidenceOrder.firstIndex(of: $0.confidence) ?? 0, $0.position)
                    < (Self.confidenceOrder.firstIndex(of: $1.confidence) ?? 0, $1.position)
            }
        case "key": shown.sort { ($0.key, $0.position) < ($1.key, $1.position) }
        case "decision":
            shown.sort { (decisions[$0.key]?.status.rawValue ?? "", $0.position) < (decisions[$1.key]?.status.rawValue ?? "", $1.position) }
        default: break
        }
        let filters = HTML.element(
            "form", [("method", "get"), ("action", "/runs/\(run)"), ("class", "filters"), ("id", "filters")],
            [
                Self.select("confidence", label: "Confidence", options: Self.confidenceOrder, selected: filter.confidence),
                Self.select("flag", label: "Flag", options: Array(Set(questions.flatMap(\.flags))).sorted(), selected: filter.flag),
                Self.select(
                    "framework", label: "Framework", options: Array(Set(questions.flatMap { Self.frameworks(of: $0) })).sorted(),
                    selected: filter.framework),
                Self.select(
                    "sheet", label: "Sheet", options: questions.map(\.sheet).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } },
                    selected: filter.sheet),
                Self.select("decision", label: "Decision", options: ["open", "approved", "edited", "rejected"], selected: filter.decision),
                .element("label", [], [HTML("Search "), .element("input", [("type", "search"), ("name", "q"), ("value", filter.text ?? "")])]),
                Self.select("sort", label: "Sort", options: ["confidence", "key", "decision"], selected: filter.sort, any: "questionnaire order"),
                .element("button", [("type", "submit")], text: "Filter"),
            ])
        let rows = shown.map { question -> HTML in
            let decision = decisions[question.key]
            return .element(
                "tr", [("data-href", Self.questionHref(run: run, key: question.key, filter: query)), ("class", "c-\(question.confidence)")],
                [
                    .element(
                        "td", [],
                        [
                            .element(
                                "input",
                                [
                                    ("type", "checkbox"), ("name", "pick"), ("form", "bulk"),
                                    ("value", Self.pick(revision: decision?.revision ?? 0, draft: question.draftHash, key: question.key)),
                                    ("aria-label", "select \(question.key)"),
                                ])
                        ]),
                    .element("td", [], [.element("a", [("href", Self.questionHref(run: run, key: question.key, filter: query))], text: question.key)]),
                    .element("td", [("class", "question")], text: question.text),
                    .element("td", text: question.draftChoice ?? ""),
                    .element("td", [("class", "draft")], text: Self.clip(question.draftText, 240)),
                    .element("td", [], [.element("span", [("class", "conf \(question.confidence)")], text: question.confidence)]),
                    .element("td", text: question.flags.joined(separator: ", ")),
                    .element("td", [], [Self.decisionBadge(decision)]),
                ])
        }
        let bulk = HTML.element(
            "form", [("method", "post"), ("action", "/runs/\(run)/approve"), ("id", "bulk"), ("class", "bulk")],
            [
                Self.hidden("csrf", csrf),
                Self.hidden("back", query),
                .element("label", [], [.element("input", [("type", "checkbox"), ("id", "select-all")]), HTML(" select all shown")]),
                .element("button", [("type", "submit"), ("id", "approve-selected")], text: "Approve selected"),
                .element("a", [("href", "/runs/\(run)/export"), ("class", "button")], text: "Export…"),
            ])
        let body: [HTML] =
            notices + [
                .element("p", [("class", "meta")], text: "\(summary.path) · run \(summary.id) · knowledge base \(summary.kbVersion.prefix(12)) · as of \(summary.asOf)"),
                filters,
                .element("p", [("class", "meta"), ("id", "shown-count")], text: "\(shown.count) of \(questions.count) questions shown. Keys: j/k move, o open, x select."),
                bulk,
                Self.table(["", "Key", "Question", "Choice", "Draft", "Confidence", "Flags", "Decision"], rows, attributes: [("id", "questions")]),
            ]
        return Self.page(Self.layout(title: "Review " + Self.fileName(summary.path), reviewer: name, csrf: csrf, body: body), status: status)
    }

    /// A selection box's value: the revision and the draft the page showed, then the key
    /// (`REVISION:DRAFTHASH:KEY`; the hash is hex, so the key is everything after the second colon).
    static func pick(revision: Int, draft: String, key: String) -> String { "\(revision):\(draft):\(key)" }

    /// `POST /runs/RUN/approve`: approves every selected question (`pick`, see ``pick(revision:draft:key:)``) in one batch; questions decided by someone since are refused by name.
    func approveSelected(_ request: Request, run: String) async throws -> Response {
        let (name, csrf) = try await reviewer(request)
        let fields = try await form(request, csrf: csrf)
        let requests = fields.all("pick").compactMap { pick -> DecisionRequest? in
            let parts = pick.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let base = Int(parts[0]), !parts[1].isEmpty else { return nil }
            return DecisionRequest(key: String(parts[2]), status: .approved, base: base, seenDraft: String(parts[1]))
        }
        guard !requests.isEmpty else {
            return try await reviewPage(
                request, run: run, query: fields["back"] ?? "",
                notices: [Self.notice("Select at least one question to approve.", kind: "refused")],
                status: .unprocessableContent)
        }
        let results = try await decideRefusingUnknownRun(run: run, requests, reviewer: name)
        var notices: [HTML] = []
        let recorded = results.filter { if case .recorded = $0 { true } else { false } }.count
        let unchanged = results.filter { if case .unchanged = $0 { true } else { false } }.count
        notices.append(
            Self.notice(
                "Approved \(recorded) question\(recorded == 1 ? "" : "s")"
                    + (unchanged > 0 ? " (\(unchanged) already approved)." : "."), kind: "ok"))
        for case .refused(let error) in results { notices.append(Self.notice(error.message, kind: "refused")) }
        return try await reviewPage(
            request, run: run, query: fields["back"] ?? "", notices: notices,
            status: notices.count > 1 ? .conflict : .ok)
    }

    /// The store's batch decision, an unknown run answered with 404.
    func decideRefusingUnknownRun(run: String, _ requests: [DecisionRequest], reviewer: String) async throws -> [DecisionResult] {
        do {
            return try await store.decide(run: run, requests, reviewer: reviewer, at: Timestamp.now())
        } catch let error as ReviewError {
            throw DeskRefusal(error.kind == .unknownRun ? .notFound : .unprocessableContent, error.message)
        }
    }

    static func decisionBadge(_ decision: ReviewDecision?) -> HTML {
        guard let decision else { return .element("span", [("class", "badge open")], text: "open") }
        return .element(
            "span", [("class", "badge \(decision.status.rawValue)"), ("title", "by \(decision.reviewer) at \(decision.decidedAt)")],
            text: decision.status.rawValue)
    }

    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
