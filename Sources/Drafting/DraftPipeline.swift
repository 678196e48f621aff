import Foundation
import Questionnaire
import ResponderModel
import Spreadsheet

/// Reads questionnaire files, finds their questions and drafts every one; a file that fails is
/// reported and the batch goes on.
public struct DraftPipeline: Sendable {
    /// Finds the questions of a workbook; returns them with detection diagnostics.
    public typealias Detector = @Sendable (Workbook) -> (questions: [Question], diagnostics: [Diagnostic])

    private let drafter: Drafter
    private let detect: Detector

    public init(drafter: Drafter, detect: @escaping Detector) {
        self.drafter = drafter
        self.detect = detect
    }

    /// Drafts one file. Never throws: a file that cannot be read comes back `failed` with an
    /// error diagnostic naming the file and the place.
    public func draftFile(at path: String) -> DraftedFile {
        do {
            let (workbook, readDiagnostics) = try SpreadsheetReader.read(path: path)
            if ReviewWorkbook.isReviewWorkbook(workbook) {
                return DraftedFile(
                    path: path, questions: [],
                    diagnostics: [
                        Diagnostic(
                            .error, at: SourceLocation(file: path),
                            "a review workbook written by `responder review export`, not a questionnaire; `responder review import` reads it")
                    ],
                    failed: true, failure: .ownOutput)
            }
            let (questions, detectDiagnostics) = detect(workbook)
            guard !questions.isEmpty else {
                return DraftedFile(
                    path: path, questions: [],
                    diagnostics: readDiagnostics + detectDiagnostics
                        + [Diagnostic(.error, at: SourceLocation(file: path), Self.noQuestionsMessage(path, workbook))],
                    failed: true, failure: .noQuestions)
            }
            return DraftedFile(
                path: path, questions: drafter.draft(questions),
                diagnostics: readDiagnostics + detectDiagnostics, failed: false)
        } catch {
            return DraftedFile(
                path: path, questions: [], diagnostics: [Diagnostic(.error, at: error.location, error.message)],
                failed: true, failure: .unreadable)
        }
    }

    /// Why a file gave no questions and the way out: `inspect` shows what was found, and for a
    /// plain list of questions with no header, the `--columns` that reads it.
    static func noQuestionsMessage(_ path: String, _ workbook: Workbook) -> String {
        var message = "no questions found; `responder inspect \(path)` shows what was read"
        if let guess = HeaderlessListGuess.suggestion(for: workbook) {
            let sheet = workbook.sheets.count > 1 ? " --sheet '\(guess.sheet)'" : ""
            message += ". It looks like a list of questions without a header row: try `--columns \(guess.columns)\(sheet)`"
        } else {
            message += ", and `--columns id=A,question=B,answer=C` names the columns when they have no header"
        }
        return message
    }

    /// Expands folders into the questionnaire files they hold (`.xlsx`, `.csv`, `.tsv`), sorted, so a
    /// batch runs in the same order everywhere. Files named directly are kept whatever their extension.
    ///
    /// A folder's own drafts (`NAME.draft.csv`, left there by a draft with `--out` inside it) are
    /// outputs, never questionnaires, and are not listed; review workbooks are recognised when read.
    public static func expandInputs(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("~$") {
                let lower = name.lowercased()
                if lower.hasSuffix(DraftFormat.csv.fileSuffix) { continue }
                if lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") {
                    files.append((path as NSString).appendingPathComponent(name))
                }
            }
        }
        return files
    }
}
