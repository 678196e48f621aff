import Foundation
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
            let (questions, detectDiagnostics) = detect(workbook)
            return DraftedFile(path: path, questions: drafter.draft(questions),
                               diagnostics: readDiagnostics + detectDiagnostics, failed: false)
        } catch {
            return DraftedFile(path: path, questions: [], diagnostics: [Diagnostic(.error, at: error.location, error.message)],
                               failed: true)
        }
    }

    /// Expands folders into the questionnaire files they hold (`.xlsx`, `.csv`, `.tsv`), sorted, so a
    /// batch runs in the same order everywhere. Files named directly are kept whatever their extension.
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
                if lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") {
                    files.append((path as NSString).appendingPathComponent(name))
                }
            }
        }
        return files
    }
}
