import Foundation
import ResponderModel
import Testing
import TestSupport
@testable import Spreadsheet

/// Runs hostile inputs through ``SpreadsheetReader`` and checks how they are refused.
enum AttackHarness {
    /// What reading a hostile file produced, and the work the read did (bytes inflated, rows
    /// parsed): counts, not time, show that a refusal came before the damage, on any machine.
    struct Outcome {
        var result: Result<(workbook: Workbook, diagnostics: [Diagnostic]), SpreadsheetError>
        var counters: ReadCounters

        var error: SpreadsheetError? {
            if case .failure(let error) = result { return error }
            return nil
        }

        /// Every cell's text, for checking that nothing leaked into the data.
        var allText: String {
            guard case .success(let read) = result else { return "" }
            return read.workbook.sheets.flatMap(\.rows).flatMap(\.cells).map(\.value.displayText).joined(separator: "\n")
        }
    }

    /// The path of a file in `Attacks/Fixtures` (written by `make_attacks.py`).
    static func fixture(_ name: String, filePath: StaticString = #filePath) -> String {
        Fixtures.folder(filePath: filePath).appendingPathComponent(name).path
    }

    /// The path of a file in the suite's original `Fixtures` folder.
    static func baseFixture(_ name: String, filePath: StaticString = #filePath) -> String {
        URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    static func read(_ path: String, limits: ReadLimits = .standard) -> Outcome {
        var limits = limits
        let counters = ReadCounters()
        limits.counters = counters
        let result: Result<(workbook: Workbook, diagnostics: [Diagnostic]), SpreadsheetError>
        do {
            result = .success(try SpreadsheetReader.read(path: path, limits: limits))
        } catch {
            result = .failure(error)
        }
        return Outcome(result: result, counters: counters)
    }

    /// Reads `path` and checks it is refused with exactly this kind and location, a message holding
    /// `message`, and no more decompressed than the caps allow; returns the outcome for further checks.
    @discardableResult
    static func expectRefused(
        _ path: String, _ kind: SpreadsheetError.Kind, at location: String, _ message: String,
        limits: ReadLimits = .standard,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Outcome {
        let outcome = read(path, limits: limits)
        let error = outcome.error
        #expect(error != nil, "\(path) was read instead of refused", sourceLocation: sourceLocation)
        #expect(error?.kind == kind, sourceLocation: sourceLocation)
        #expect(error?.location.description == location, sourceLocation: sourceLocation)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "no error")", sourceLocation: sourceLocation)
        #expect(
            outcome.counters.bytesInflated <= limits.maxTotalBytes + 1, "inflated \(outcome.counters.bytesInflated) bytes",
            sourceLocation: sourceLocation)
        return outcome
    }

    /// Writes a one-sheet workbook (sheet "Attack") whose worksheet and, optionally, shared-string
    /// parts are exactly these bytes; for attacks that need paths known only at test time.
    static func writeWorkbook(sheet: Data, sharedStrings: Data? = nil, to url: URL) throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        var relationships = #"<Relationship Id="rId1" Type="\#(office)/worksheet" Target="worksheets/sheet1.xml"/>"#
        if sharedStrings != nil {
            relationships += #"<Relationship Id="rId2" Type="\#(office)/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        let texts = [
            ("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("_rels/.rels", #"<Relationships xmlns="\#(package)"><Relationship Id="rId1" Type="\#(office)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<workbook xmlns="\#(main)" xmlns:r="\#(office)"><sheets><sheet name="Attack" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="\#(package)">\#(relationships)</Relationships>"#),
        ]
        let date = Date(timeIntervalSince1970: 1_704_067_200)
        var parts = texts.map { ZipPartWriter.Part(path: $0.0, data: Data($0.1.utf8), modificationDate: date) }
        parts.append(ZipPartWriter.Part(path: "xl/worksheets/sheet1.xml", data: sheet, modificationDate: date))
        if let sharedStrings {
            parts.append(ZipPartWriter.Part(path: "xl/sharedStrings.xml", data: sharedStrings, modificationDate: date))
        }
        try ZipPartWriter.write(parts, to: url)
    }
}
