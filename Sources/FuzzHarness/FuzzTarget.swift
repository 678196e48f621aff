import Foundation
import Questionnaire
import ResponderModel
import Spreadsheet

/// One reader under fuzzing: what a fuzz input is fed to, and the checks its result must pass.
///
/// The libFuzzer executable (`responder-fuzz`) and the regression tests
/// (`Tests/SpreadsheetTests/Fuzz`) both call ``violations(for:)``, so an input saved from a
/// fuzzing run is replayed by `swift test` exactly as the fuzzer ran it.
package enum FuzzTarget: String, CaseIterable, Sendable {
    /// The CSV reader, fed the input as a file's bytes.
    case csv
    /// One worksheet part (`xl/worksheets/sheetN.xml`) through the libxml2 shim and the cell loop.
    case sheetXML = "sheet-xml"
    /// A whole file through format sniffing, the ZIP archive, every XML part and question detection.
    case xlsx

    /// Runs the reader over `data` and returns every broken promise: a crash, a hang or an
    /// out-of-memory is the fuzzer's to see; an empty result means the input was handled well,
    /// whether it was read or refused.
    package func violations(for data: Data) -> [String] {
        switch self {
        case .csv:
            let path = "fuzz.csv"
            do {
                return Self.check(try FuzzingEntryPoints.readCSV(data, path: path), path: path)
            } catch {
                return ReadInvariants.violations(in: error, path: path)
            }
        case .sheetXML:
            let path = "fuzz.xlsx"
            do {
                return Self.check(try FuzzingEntryPoints.readWorksheetXML(data, path: path).workbook, path: path)
            } catch {
                return ReadInvariants.violations(in: error, path: path)
            }
        case .xlsx:
            let file: ScratchFile
            do {
                file = try ScratchFile(holding: data)
            } catch {
                return ["cannot write the input to a scratch file: \(error)"]
            }
            do {
                return Self.check(try FuzzingEntryPoints.readFile(path: file.path).workbook, path: file.path)
            } catch {
                return ReadInvariants.violations(in: error, path: file.path)
            }
        }
    }

    /// Checks a workbook that was read, then detects its questions and checks those too.
    private static func check(_ workbook: Workbook, path: String) -> [String] {
        let scan = QuestionDetector().detect(in: workbook)
        return ReadInvariants.violations(in: workbook, path: path) + ReadInvariants.violations(in: scan, of: workbook)
    }
}
