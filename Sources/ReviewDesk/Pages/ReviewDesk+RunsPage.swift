import Hummingbird

extension ReviewDesk {
    /// `GET /runs`: every run, newest first, with its review progress.
    func runsPage(_ request: Request) async throws -> Response {
        let (name, csrf) = try await reviewer(request)
        var rows: [HTML] = []
        for run in try await store.runs().reversed() {
            let progress = RunProgress(questions: try await store.questions(run: run.id), decisions: try await store.decisions(run: run.id))
            rows.append(
                .element(
                    "tr", [],
                    [
                        .element("td", [], [.element("a", [("href", "/runs/\(run.id)")], text: Self.fileName(run.path))]),
                        .element("td", [("class", "mono")], text: run.id),
                        .element("td", text: String(run.createdAt.prefix(16)).replacingOccurrences(of: "T", with: " ")),
                        .element("td", [("class", "mono")], text: String(run.kbVersion.prefix(12))),
                        .element("td", [], [Self.progressBar(progress)]),
                        .element("td", text: "\(progress.approved) approved, \(progress.edited) edited, \(progress.rejected) rejected, \(progress.open) open"),
                        .element("td", text: "\(progress.high) high, \(progress.medium) medium, \(progress.low) low"),
                    ]))
        }
        let body: [HTML] =
            rows.isEmpty
            ? [.element("p", text: "No runs yet: `responder draft` records them.")]
            : [
                Self.table(
                    ["Questionnaire", "Run", "Drafted (UTC)", "KB version", "Progress", "Decisions", "Confidence"], rows,
                    attributes: [("id", "runs")])
            ]
        return Self.page(Self.layout(title: "Runs", reviewer: name, csrf: csrf, body: body + [Self.inviteForm(csrf: csrf)]))
    }

    /// A bar of decided against open questions, drawn with widths from the stylesheet's steps.
    static func progressBar(_ progress: RunProgress) -> HTML {
        let done = progress.total == 0 ? 0 : (progress.total - progress.open) * 20 / progress.total
        return .element(
            "span", [("class", "bar"), ("title", "\(progress.total - progress.open) of \(progress.total) decided")],
            [.element("span", [("class", "fill w\(done * 5)")], [])])
    }
}
