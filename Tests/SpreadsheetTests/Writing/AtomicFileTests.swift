import Foundation
import Testing
import TestSupport
@testable import Spreadsheet

/// Outputs are replaced through temporary files named after them; none outlives a write.
@Suite struct AtomicFileTests {
    static let sheet = "xl/worksheets/sheet1.xml"

    /// What each writer leaves in a folder that held a stale temporary file of its output (from a
    /// killed run) and one of another output.
    @Test(arguments: ["patch", "workbook", "data"])
    func aWriteRemovesItsOutputsStaleTemporaryFiles(writer: String) throws {
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let output = folder.appendingPathComponent("filled.xlsx")
        for name in [".filled.xlsx.tmp-DEAD", ".other.xlsx.tmp-BEEF"] {
            try Data("left by a killed run".utf8).write(to: folder.appendingPathComponent(name))
        }
        switch writer {
        case "patch":
            try XLSXCellPatcher.patch(
                Fixtures.folder().appendingPathComponent("questionnaire_to_patch.xlsx"),
                edits: [XLSXCellEdit(part: Self.sheet, cell: CellAddress("C3")!, text: "Yes")], output: output)
        case "workbook":
            try XLSXWorkbookWriter.write([XLSXSheetSpec(name: "S", rows: [[.text("x")]])], to: output)
        default:
            try AtomicFile.write(Data("a,b\n".utf8), to: output)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".other.xlsx.tmp-BEEF", "filled.xlsx"])
    }

    @Test func aFailedWriteLeavesNoTemporaryFile() throws {
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        // A non-empty folder in the output's place: everything is written, then the rename fails.
        let output = folder.appendingPathComponent("filled.xlsx")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appendingPathComponent("keep"))
        #expect(throws: XLSXWriteError.self) {
            try XLSXWorkbookWriter.write([XLSXSheetSpec(name: "S", rows: [[.text("x")]])], to: output)
        }
        #expect(throws: (any Error).self) { try AtomicFile.write(Data("x".utf8), to: output) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["filled.xlsx"])
    }

    @Test func temporaryFilesAreNamedAfterTheOutput() {
        let name = AtomicFile.temporaryFile(for: URL(fileURLWithPath: "/nonexistent/out/filled.xlsx")).lastPathComponent
        #expect(name.hasPrefix(".filled.xlsx.tmp-") && name.count > ".filled.xlsx.tmp-".count)
    }
}
