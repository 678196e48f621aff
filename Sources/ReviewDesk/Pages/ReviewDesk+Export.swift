import Drafting
import Foundation
import Hummingbird
import RunStore

extension ReviewDesk {
    /// `GET /runs/RUN/export`: what an export of the run would hold, with the two downloads.
    func exportPage(_ request: Request, run: String) async throws -> Response {
        let (name, csrf) = try await reviewer(request)
        let (summary, questions, decisions) = try await runData(run)
        let progress = RunProgress(questions: questions, decisions: decisions)
        let body: [HTML] = [
            .element("p", text: "\(summary.path): \(progress.approved + progress.edited) reviewed answers go out; "
                     + "\(progress.rejected) rejected and \(progress.open) undecided questions stay empty."),
            .element("ul", [], [
                .element("li", [], [.element("a", [("href", "/runs/\(run)/export/answers"), ("id", "download-answers")],
                                             text: "Download the filled buyer file")]),
                .element("li", [], [.element("a", [("href", "/runs/\(run)/export/evidence-pack"), ("id", "download-pack")],
                                             text: "Download the evidence pack (HTML; internal evidence never included)")]),
            ]),
            .element("p", [], [.element("a", [("href", "/runs/\(run)")], text: "← back to the run")]),
        ]
        return Self.page(Self.layout(title: "Export " + Self.fileName(summary.path), reviewer: name, csrf: csrf, body: body))
    }

    /// `GET /runs/RUN/export/answers`: the buyer's file with the approved and edited answers, as
    /// `responder export` writes it (the run's recorded input, refused when it changed since).
    func downloadAnswers(_ request: Request, run: String) async throws -> Response {
        _ = try await reviewer(request)
        let (summary, questions, decisions) = try await runData(run)
        let ext = URL(fileURLWithPath: summary.path).pathExtension.lowercased() == "csv" ? "csv" : "xlsx"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("responder-desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("answers.\(ext)")
        do {
            _ = try RunExporter.export(run: summary, questions: questions, decisions: decisions, options: RunExporter.Options(),
                                       internalReferences: internalReferences, to: out)
        } catch let error as RunExporter.ExportError {
            throw DeskRefusal(.conflict, "Cannot export run \(run): \(error)")
        }
        let base = URL(fileURLWithPath: summary.path).deletingPathExtension().lastPathComponent
        return Self.download(try Data(contentsOf: out), name: "\(base)-answered.\(ext)",
                             type: ext == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    /// `GET /runs/RUN/export/evidence-pack`: the run's evidence pack as HTML (public and NDA
    /// evidence only, as `responder export --evidence-pack`).
    func downloadEvidencePack(_ request: Request, run: String) async throws -> Response {
        _ = try await reviewer(request)
        let (summary, questions, decisions) = try await runData(run)
        let pack = EvidencePack(run: summary, questions: questions, decisions: decisions, content: content)
        let base = URL(fileURLWithPath: summary.path).deletingPathExtension().lastPathComponent
        return Self.download(Data(EvidencePackHTMLRenderer.render(pack).utf8), name: "\(base)-evidence-pack.html", type: "text/html; charset=utf-8")
    }

    private func runData(_ run: String) async throws -> (RunSummary, [RunQuestion], [ReviewDecision]) {
        guard let summary = try await store.run(run) else { throw DeskRefusal(.notFound, "No run \(run) in this store.") }
        return (summary, try await store.questions(run: run), try await store.decisions(run: run))
    }
}
