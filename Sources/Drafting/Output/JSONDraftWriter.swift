import Foundation
import ResponderModel

/// Writes drafts as JSON: sorted keys and fixed number rounding, so re-runs are byte-identical.
enum JSONDraftWriter {
    private struct Document: Encodable {
        var kbVersion: String
        var asOf: String
        var system: String?
        var files: [File]
    }

    private struct File: Encodable {
        var path: String
        var questions: [QuestionOut]
        var diagnostics: [DiagnosticOut]
        var summary: SummaryOut
    }

    private struct SummaryOut: Encodable {
        var questions: Int
        var high: Int
        var needsReview: Int
        var unanswered: Int
        /// Drafted answers per framework code they rest on.
        var draftedByFramework: [String: Int]
    }

    private struct QuestionOut: Encodable {
        var id: String
        var sheet: String
        var row: Int
        var text: String
        var section: String?
        var parentRow: Int?
        var answerCells: [AnswerCell]
        var intent: Intent
        var matches: [ControlMatch]
        var answer: DraftAnswer
    }

    private struct DiagnosticOut: Encodable {
        var severity: String
        var location: String
        var message: String
    }

    static func render(_ run: DraftRun) -> Data {
        let document = Document(
            kbVersion: run.kbVersion, asOf: run.asOf, system: run.systemScope,
            files: run.files.map { file in
                let summary = file.summary
                return File(
                    path: file.path,
                    questions: file.questions.map { drafted in
                        QuestionOut(
                            id: drafted.question.id, sheet: drafted.question.sheet, row: drafted.question.row,
                            text: drafted.question.text, section: drafted.question.section,
                            parentRow: drafted.question.parentRow, answerCells: drafted.question.answerCells,
                            intent: drafted.intent, matches: drafted.matches, answer: drafted.answer)
                    },
                    diagnostics: file.diagnostics.map {
                        DiagnosticOut(severity: $0.severity.rawValue, location: $0.location.description, message: $0.message)
                    },
                    summary: SummaryOut(
                        questions: summary.questions, high: summary.high, needsReview: summary.needsReview,
                        unanswered: summary.unanswered,
                        draftedByFramework: Dictionary(summary.draftedByFramework.map { ($0.key.rawValue, $0.value) }) { first, _ in first }))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value here is plain data; encoding cannot fail.
        var data = (try? encoder.encode(document)) ?? Data()
        data.append(0x0A)
        return data
    }
}
