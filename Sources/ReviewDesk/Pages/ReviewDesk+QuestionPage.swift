import Foundation
import Hummingbird
import KnowledgeBase
import ResponderModel
import RunStore

extension ReviewDesk {
    /// `GET /runs/RUN/question?key=KEY`: one question with what its draft rests on, its history,
    /// and the approve / edit / reject forms.
    func questionPage(_ request: Request, run: String) async throws -> Response {
        let fields = FormFields(request.uri.query ?? "")
        guard let key = fields["key"] else { throw DeskRefusal(.badRequest, "Which question? The address names no key.") }
        return try await questionPage(request, run: run, key: key, filter: fields["f"] ?? "")
    }

    func questionPage(
        _ request: Request, run: String, key: String, filter: String, notices: [HTML] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (name, csrf) = try await reviewer(request)
        guard let summary = try await store.run(run) else { throw DeskRefusal(.notFound, "No run \(run) in this store.") }
        let questions = try await store.questions(run: run)
        guard let question = questions.first(where: { $0.key == key }) else {
            throw DeskRefusal(.notFound, "Run \(run) has no question \(key).")
        }
        let decisions = Dictionary(try await store.decisions(run: run).map { ($0.key, $0) }) { first, _ in first }
        let decision = decisions[key]
        let reviewFilter = ReviewFilter(FormFields(filter))
        let sequence = questions.filter { $0.key == key || reviewFilter.admits($0, decisions[$0.key]) }
        let index = sequence.firstIndex { $0.key == key } ?? 0
        let previous = index > 0 ? sequence[index - 1] : nil
        let next = index + 1 < sequence.count ? sequence[index + 1] : nil
        let history = try await store.auditLog(run: run).filter { $0.key == key }

        let navigation = HTML.element(
            "p", [("class", "pager")],
            [
                .element("a", [("href", "/runs/\(run)" + (filter.isEmpty ? "" : "?" + filter))], text: "← back to the run"),
                previous.map { .element("a", [("href", Self.questionHref(run: run, key: $0.key, filter: filter)), ("id", "prev")], text: "previous (k)") } ?? .empty,
                next.map { .element("a", [("href", Self.questionHref(run: run, key: $0.key, filter: filter)), ("id", "next")], text: "next (j)") } ?? .empty,
                .element("span", [("class", "meta")], text: "\(index + 1) of \(sequence.count)"),
            ])
        // The row just above in the buyer's sheet: a follow-up ("If yes, describe ...") reads only with it.
        let above = questions.last { $0.sheet == question.sheet && $0.position < question.position }
        let location = "Sheet \(question.sheet), row \(question.row)" + (question.questionId.isEmpty ? "" : ", ID \(question.questionId)")
        let body: [HTML] =
            notices + [
                navigation,
                .element(
                    "section", [("class", "buyer")],
                    [
                        .element("h2", text: "The buyer asks"),
                        .element("p", [("class", "meta")], text: "\(location) · \(Self.fileName(summary.path))"),
                        .element("blockquote", [("id", "question-text")], text: question.text),
                        above.map {
                            .element("p", [("class", "meta"), ("id", "asked-above")], text: "Just above it in the sheet (\($0.key)): \($0.text)")
                        } ?? .empty,
                    ]),
                .element(
                    "section", [("class", "draft")],
                    [
                        .element("h2", text: "Draft"),
                        .element(
                            "p", [],
                            [
                                .element("span", [("class", "conf \(question.confidence)")], text: "\(question.confidence) confidence"),
                                HTML(question.flags.isEmpty ? "" : " · flags: " + question.flags.joined(separator: ", ")),
                            ]),
                        question.draftChoice.map { .element("p", [], [.element("strong", text: "Choice: "), HTML($0)]) } ?? .empty,
                        .element("p", [("class", "answer"), ("id", "draft-text")], text: question.draftText),
                    ]),
                .element(
                    "section", [("class", "decision"), ("id", "decision")],
                    [
                        .element("h2", text: "Decision"),
                        Self.currentDecision(decision),
                        decideForms(run: run, question: question, decision: decision, next: next?.key, filter: filter, csrf: csrf),
                    ]),
                .element("section", [("class", "citations")], [.element("h2", text: "What the draft rests on"), citationTable(question)]),
                .element("section", [("class", "matches")], [.element("h2", text: "Ranked matches and why"), matchTable(question)]),
                .element("section", [("class", "library")], [.element("h2", text: "Closest library answers"), try await closestLibrary(question)]),
                .element("section", [("class", "history")], [.element("h2", text: "History"), Self.historyTable(history)]),
            ]
        return Self.page(Self.layout(title: question.key, reviewer: name, csrf: csrf, body: body), status: status)
    }

    private static func currentDecision(_ decision: ReviewDecision?) -> HTML {
        guard let decision else { return .element("p", [("id", "current")], text: "Not decided yet.") }
        var parts: [HTML] = [
            decisionBadge(decision),
            HTML(" by \(decision.reviewer) at \(decision.decidedAt) (revision \(decision.revision))"),
        ]
        if let choice = decision.choice { parts += [.element("br"), HTML("Choice: \(choice)")] }
        if let text = decision.text, decision.status == .edited { parts += [.element("br"), HTML("Text: \(text)")] }
        if let notes = decision.notes { parts += [.element("br"), HTML("Notes: \(notes)")] }
        return .element("p", [("id", "current")], parts)
    }

    private func decideForms(
        run: String, question: RunQuestion, decision: ReviewDecision?, next: String?, filter: String,
        csrf: String
    ) -> HTML {
        func common(_ action: String) -> [HTML] {
            [
                Self.hidden("csrf", csrf), Self.hidden("key", question.key), Self.hidden("base", String(decision?.revision ?? 0)),
                Self.hidden("draft", question.draftHash),
                Self.hidden("next", next ?? ""), Self.hidden("f", filter), Self.hidden("action", action),
            ]
        }
        let currentChoice = decision?.status == .edited ? decision?.choice : question.draftChoice
        let currentText = decision?.status == .edited ? decision?.text ?? question.draftText : question.draftText
        var choiceField: HTML = .empty
        if let allowed = question.allowed, !allowed.isEmpty {
            choiceField = .element(
                "label", [],
                [
                    HTML("Choice "),
                    .element(
                        "select", [("name", "choice"), ("id", "edit-choice")],
                        [.element("option", [("value", "")], text: "(none)")]
                            + allowed.map { .element("option", [("value", $0), ("selected", $0 == currentChoice ? "" : nil)], text: $0) }),
                ])
        } else if question.choiceColumn != nil || currentChoice != nil {
            choiceField = .element(
                "label", [],
                [
                    HTML("Choice "),
                    .element(
                        "input",
                        [
                            ("name", "choice"), ("id", "edit-choice"),
                            ("value", currentChoice ?? ""),
                        ]),
                ])
        }
        let action = "/runs/\(run)/decide"
        return .join([
            .element(
                "form", [("method", "post"), ("action", action), ("id", "approve-form"), ("class", "decide")],
                common("approve") + [
                    .element("input", [("name", "notes"), ("placeholder", "note (optional)"), ("aria-label", "approval note")]),
                    .element("button", [("type", "submit"), ("class", "approve")], text: "Approve (a)"),
                ]),
            .element(
                "form", [("method", "post"), ("action", action), ("id", "edit-form"), ("class", "decide")],
                common("edit") + [
                    choiceField,
                    .element("textarea", [("name", "text"), ("id", "edit-text"), ("rows", "6"), ("aria-label", "answer text")], text: currentText),
                    .element("input", [("name", "notes"), ("placeholder", "note (optional)"), ("aria-label", "edit note")]),
                    .element("button", [("type", "submit"), ("class", "edit")], text: "Save edit (e)"),
                ]),
            .element(
                "form", [("method", "post"), ("action", action), ("id", "reject-form"), ("class", "decide")],
                common("reject") + [
                    .element("input", [("name", "notes"), ("id", "reject-notes"), ("placeholder", "why reject? (note)"), ("aria-label", "rejection note")]),
                    .element("button", [("type", "submit"), ("class", "reject")], text: "Reject (r)"),
                ]),
        ])
    }

    private func citationTable(_ question: RunQuestion) -> HTML {
        let rows = question.citations.compactMap(Citation.init(encoded:)).map { citation -> HTML in
            let (kind, detail, tier) = resolve(citation)
            return .element(
                "tr", [("class", tier == "internal" ? "internal" : nil)],
                [
                    .element("td", text: kind),
                    .element("td", [("class", "mono")], text: citation.reference),
                    .element("td", text: detail),
                    .element(
                        "td", [],
                        tier.map {
                            [
                                .element(
                                    "span", [("class", "tier \($0)")],
                                    text: $0 == "internal" ? "INTERNAL: reviewers only, never sent" : $0)
                            ]
                        } ?? []),
                ])
        }
        if rows.isEmpty { return .element("p", text: "The draft cites nothing.") }
        return Self.table(["Kind", "Reference", "What it is", "Tier"], rows)
    }

    /// What a citation names, in words, and the evidence tier where there is one.
    private func resolve(_ citation: Citation) -> (kind: String, detail: String, tier: String?) {
        switch citation.kind {
        case .control, .clause:
            let entry = content.catalogue.first { $0.ref == citation.controlRef }
            let framework = citation.framework?.defaultTitle ?? ""
            return (citation.kind.rawValue, "\(framework) \(citation.id): \(entry?.title ?? "not in the catalogue")", nil)
        case .evidence:
            guard let item = content.evidence.first(where: { $0.id == citation.id }) else { return ("evidence", "not in the register", nil) }
            return ("evidence", "\(item.title) (\(item.kind.rawValue), version \(item.version), owner \(item.owner))", item.confidentiality.rawValue)
        case .system:
            guard let system = content.systems.first(where: { $0.id == citation.id }) else { return ("system", "not in the inventory", nil) }
            return ("AI system", "\(system.name): \(system.purpose)", nil)
        case .assessment:
            guard let assessment = content.assessments.first(where: { $0.id == citation.id }) else { return ("assessment", "not recorded", nil) }
            return ("assessment", "\(assessment.title), \(assessment.date), by \(assessment.assessor): \(assessment.outcome)", nil)
        case .library:
            guard let answer = content.library.first(where: { $0.id == citation.id }) else {
                return ("library answer", "not in the library (learned answers live in the store)", nil)
            }
            return ("library answer", "\(answer.question) (approved by \(answer.approvedBy) on \(answer.approvedDate); from \(answer.source))", nil)
        default:
            return (citation.kind.rawValue, citation.id, nil)
        }
    }

    private func matchTable(_ question: RunQuestion) -> HTML {
        let drafted = drafter.draft(
            Question(id: question.questionId, sheet: question.sheet, row: question.row, text: question.text),
            context: question.sheet)
        let rows = drafted.matches.prefix(5).map { match -> HTML in
            .element(
                "tr", [],
                [
                    .element("td", text: "\(match.framework.defaultTitle) \(match.control)"),
                    .element("td", text: match.title),
                    .element("td", [("class", "num")], text: String(format: "%.2f", match.score)),
                    .element("td", text: match.why),
                ])
        }
        if rows.isEmpty { return .element("p", text: "Nothing in the catalogue matches this question well enough.") }
        return Self.table(["Control", "Title", "Score", "Why"], rows)
    }

    private func closestLibrary(_ question: RunQuestion) async throws -> HTML {
        let hits = try await search.search(question.text, limit: 30).filter { $0.kind == "library" }.prefix(3)
        let rows = hits.compactMap { hit in content.library.first { $0.id == hit.ref } }.map { answer -> HTML in
            .element(
                "tr", [],
                [
                    .element("td", [("class", "mono")], text: answer.id),
                    .element("td", text: answer.question),
                    .element("td", text: [answer.choice, answer.answer].compactMap { $0 }.joined(separator: ". ")),
                    .element("td", text: "\(answer.approvedBy), \(answer.approvedDate)"),
                ])
        }
        if rows.isEmpty { return .element("p", text: "No library answer comes close.") }
        return Self.table(["ID", "Question", "Answer", "Approved"], rows)
    }

    static func historyTable(_ entries: [AuditEntry]) -> HTML {
        if entries.isEmpty { return .element("p", text: "No decision yet.") }
        return table(
            ["When (UTC)", "Reviewer", "Action", "Notes"],
            entries.reversed().map { entry in
                .element(
                    "tr", [],
                    [
                        .element("td", text: entry.at), .element("td", text: entry.reviewer),
                        .element("td", text: entry.action), .element("td", text: entry.notes ?? ""),
                    ])
            }, attributes: [("id", "history")])
    }
}
