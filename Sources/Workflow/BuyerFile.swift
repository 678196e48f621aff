import Foundation
import RunStore

/// Where a run's questionnaire is now: the file it was drafted from must still be there with the
/// same bytes before anything is written back into a copy of it.
public enum BuyerFile {
    /// The questionnaire of `run`, read from `path` (default: where it was drafted).
    /// - Returns: the run with `path` set to the file that was checked, and its bytes.
    /// - Throws: ``ExportError`` `.questionnaireMissing` when the file cannot be read,
    ///   `.questionnaireChanged` when its content is not what was drafted.
    public static func locate(_ run: RunSummary, at path: String? = nil) throws -> (run: RunSummary, bytes: Data) {
        let candidate = path ?? run.path
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: candidate))
        } catch {
            if path != nil {
                throw ExportError(.questionnaireMissing, "\(candidate): cannot read it (\(error.localizedDescription))")
            }
            throw ExportError(
                .questionnaireMissing,
                "\(candidate): the questionnaire of run \(run.id) is no longer there; "
                    + "if it moved, name it with --questionnaire NEW_PATH")
        }
        guard RunIdentity.fingerprint(bytes) == run.contentHash else {
            if path != nil {
                throw ExportError(
                    .questionnaireChanged,
                    "\(candidate) is not the file run \(run.id) was drafted from "
                        + "(\(run.path)): its content differs; nothing was written")
            }
            throw ExportError(
                .questionnaireChanged,
                "\(candidate) changed since run \(run.id) was drafted; "
                    + "draft it again and review the new run")
        }
        var located = run
        located.path = candidate
        return (located, bytes)
    }

    /// True when `bytes` are an XLSX (ZIP) file rather than CSV text.
    static func isWorkbook(_ bytes: Data) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) }
}
