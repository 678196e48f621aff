import Drafting
import Foundation
import Hummingbird
import RunStore
import Workflow

extension ReviewDesk {
    /// `GET /runs/RUN/export`: what an export of the run would hold, with the two downloads.
    func exportPage(_ request: Request, run: String) async throws -> Response {
        let (name, csrf) = try await reviewer(request)
        let (summary, questions, decisions) = try await runData(run)
        let progress = RunProgress(questions: questions, decisions: decisions)
        let body: [HTML] = [
            .element(
                "p",
                text: "\(summary.path): \(progress.approved + progress.edited) reviewed answers go out; "
                    + "\(progress.rejected) rejected and \(progress.open) undecided questions stay empty."),
            .element(
                "ul", [],
                [
                    .element(
                        "li", [],
                        [
                            .element(
                                "a", [("href", "/runs/\(run)/export/answers"), ("id", "download-answers")],
                                text: "Download the filled buyer file")
                        ]),
                    .element(
                        "li", [],
                        [
                            .element(
                                "a", [("href", "/runs/\(run)/export/evidence-pack"), ("id", "download-pack")],
                                text: "Download the evidence pack (HTML; internal evidence never included)")
                        ]),
                ]),
            .element("p", [], [.element("a", [("href", "/runs/\(run)")], text: "← back to the run")]),
        ]
        return Self.page(Self.layout(title: "Export " + Self.fileName(summary.path), reviewer: name, csrf: csrf, body: body))
    }

    /// `GET /runs/RUN/export/answers`: the buyer's file with the approved and edited answers,
    /// through the same `ExportSession` as `responder export` (refused when the buyer's file moved
    /// or changed, or nothing was reviewed), and recorded in the store as exported by the reviewer.
    func downloadAnswers(_ request: Request, run: String) async throws -> Response {
        let (name, _) = try await reviewer(request)
        let (summary, _, _) = try await runData(run)
        let ext = URL(fileURLWithPath: summary.path).pathExtension.lowercased() == "csv" ? "csv" : "xlsx"
        let base = URL(fileURLWithPath: summary.path).deletingPathExtension().lastPathComponent
        let data = try await exported(run: run, by: name, name: "\(base)-answered.\(ext)") { ExportSession.Request(runID: run, filled: $0) }
        return Self.download(
            data, name: "\(base)-answered.\(ext)",
            type: ext == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    /// `GET /runs/RUN/export/evidence-pack`: the run's evidence pack as HTML (public and NDA
    /// evidence only, as `responder export --evidence-pack`), recorded like the filled file.
    func downloadEvidencePack(_ request: Request, run: String) async throws -> Response {
        let (name, _) = try await reviewer(request)
        let (summary, _, _) = try await runData(run)
        let base = URL(fileURLWithPath: summary.path).deletingPathExtension().lastPathComponent
        let data = try await exported(run: run, by: name, name: "\(base)-evidence-pack.html") {
            ExportSession.Request(runID: run, evidencePack: $0)
        }
        return Self.download(data, name: "\(base)-evidence-pack.html", type: "text/html; charset=utf-8")
    }

    /// Runs one export into a private scratch folder and returns the file's bytes; the store
    /// records the export under the download's name.
    private func exported(
        run: String, by reviewer: String, name: String,
        _ request: (URL) -> ExportSession.Request
    ) async throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("responder-desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent(name)
        let session = ExportSession(store: store, content: content, exportedBy: reviewer, clock: Timestamp.now)
        do {
            _ = try await session.export(request(out))
        } catch let error as ExportError {
            throw DeskRefusal(error.kind == .unknownRun ? .notFound : .conflict, "Cannot export run \(run): \(error.description)")
        }
        return try Data(contentsOf: out)
    }

    private func runData(_ run: String) async throws -> (RunSummary, [RunQuestion], [ReviewDecision]) {
        guard let summary = try await store.run(run) else { throw DeskRefusal(.notFound, "No run \(run) in this store.") }
        return (summary, try await store.questions(run: run), try await store.decisions(run: run))
    }
}
