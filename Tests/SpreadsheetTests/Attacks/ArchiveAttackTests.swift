import Foundation
import Testing
import TestSupport
@testable import Spreadsheet

/// Attacks 4-8: ZIP bombs, unsafe entry names, truncated archives and OLE files posing as XLSX.
@Suite struct ArchiveAttackTests {
    private static let sheetPart = "xl/worksheets/sheet1.xml"
    /// What the bomb fixture's other parts (workbook, relationships) inflate to, read before its sheet.
    private static let otherPartBytes = 826

    @Test func zipBombWithHonestHeadersIsRefusedBeforeInflating() {
        let path = AttackHarness.fixture("zip_bomb.xlsx")
        let outcome = AttackHarness.expectRefused(
            path, .limitExceeded, at: "\(path):\(Self.sheetPart)",
            "the part declares 269484032 bytes uncompressed; the limit is 268435456")
        #expect(outcome.counters.bytesInflated == Self.otherPartBytes, "the bomb part was inflated")
    }

    /// The same bomb with headers claiming 1,000 bytes: extraction counts what inflates and stops at
    /// the cap, so the buffer never grows past the part cap.
    @Test func zipBombWithLyingHeadersStopsAtThePartCap() throws {
        let scratch = try ScratchFolder("AttackTests")
        let path = try lyingCopyOfZipBomb(in: scratch)
        let standard = AttackHarness.expectRefused(
            path, .limitExceeded, at: "\(path):\(Self.sheetPart)",
            "the part expands beyond 268435456 bytes")
        // Inflating stops one byte past the cap: that byte shows the part is too large.
        #expect(standard.counters.bytesInflated == Self.otherPartBytes + ReadLimits.standard.maxPartBytes + 1)
        // A lower cap stops it correspondingly sooner: the cap, not the bomb, sets the cost.
        var limits = ReadLimits()
        limits.maxPartBytes = 1 << 20
        let small = AttackHarness.expectRefused(
            path, .limitExceeded, at: "\(path):\(Self.sheetPart)",
            "the part expands beyond 1048576 bytes", limits: limits)
        #expect(small.counters.bytesInflated == Self.otherPartBytes + limits.maxPartBytes + 1)
    }

    @Test func oversizedFilesAreRefusedBeforeReading() throws {
        // Sparse files: their size is checked before a byte beyond the first 4 KiB is read.
        let scratch = try ScratchFolder("AttackTests")
        let directory = scratch.url
        let archive = directory.appendingPathComponent("huge.xlsx")
        try sparseFile(at: archive, head: Data([0x50, 0x4B, 0x03, 0x04]), size: (1 << 30) + 1)
        AttackHarness.expectRefused(archive.path, .limitExceeded, at: archive.path, "the file is 1073741825 bytes; the limit is 1073741824")
        let csv = directory.appendingPathComponent("huge.csv")
        try sparseFile(at: csv, head: Data("ID,Question\n".utf8), size: (512 << 20) + 1)
        AttackHarness.expectRefused(csv.path, .limitExceeded, at: csv.path, "the file is 536870913 bytes; the limit for CSV is 536870912")
    }

    @Test(arguments: [
        ("zip_slip.xlsx", "../evil.xml", true),
        ("entry_absolute.xlsx", "/tmp/responder-attack-escape.xml", false),
        ("entry_backslash.xlsx", "..\\responder-attack-escape.xml", false),
        ("entry_nested_dotdot.xlsx", "xl/../../responder-attack-escape.xml", false),
    ])
    func unsafeEntryNamesAreRefusedAndNothingIsWritten(name: String, entry: String, fromBaseFixtures: Bool) {
        let path = fromBaseFixtures ? AttackHarness.baseFixture(name) : AttackHarness.fixture(name)
        AttackHarness.expectRefused(path, .malformed, at: path, "the archive has an unsafe entry name '\(entry)'")
        // Parts are only ever read into memory: no file named after an entry appears anywhere.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for candidate in [
            folder.deletingLastPathComponent().appendingPathComponent("responder-attack-escape.xml").path,
            folder.deletingLastPathComponent().appendingPathComponent("evil.xml").path,
            "/tmp/responder-attack-escape.xml",
            FileManager.default.currentDirectoryPath + "/../responder-attack-escape.xml",
        ] {
            #expect(!FileManager.default.fileExists(atPath: candidate), "\(candidate)")
        }
    }

    @Test(arguments: [
        ("truncated_central_directory.xlsx", "", "the ZIP archive cannot be opened (damaged or truncated file)"),
        ("truncated_local_entry.xlsx", "", "the ZIP archive cannot be opened (damaged or truncated file)"),
        ("damaged_entry.xlsx", ":xl/worksheets/sheet1.xml", "the part cannot be decompressed (damaged archive)"),
    ])
    func truncatedArchivesAreMalformed(name: String, place: String, message: String) throws {
        let path = AttackHarness.fixture(name)
        AttackHarness.expectRefused(path, .malformed, at: path + place, message)
        // The intact original reads: the damage, not the content, is what is refused.
        let good = try SpreadsheetReader.read(path: AttackHarness.fixture("good.xlsx")).workbook
        #expect(good.sheets[0].rows.count == 39)
    }

    /// Compound files are recognised by content whatever their extension.
    @Test(arguments: [
        ("encrypted_agile.xlsx", "encrypted.xlsx", "this is a password-protected workbook: remove the password (File > Info > Protect Workbook) and save as .xlsx"),
        ("encrypted_agile.xlsx", "encrypted.csv", "this is a password-protected workbook: remove the password (File > Info > Protect Workbook) and save as .xlsx"),
        ("legacy_renamed.xlsx", "legacy.xlsx", "this is a legacy Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) and try again"),
        ("legacy_renamed.xlsx", "legacy.txt", "this is a legacy Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) and try again"),
    ])
    func compoundFilesAreRefusedWithAdvice(name: String, renamedTo: String, message: String) throws {
        let scratch = try ScratchFolder("AttackTests")
        let copy = scratch.url.appendingPathComponent(renamedTo)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: AttackHarness.fixture(name)), to: copy)
        let outcome = AttackHarness.expectRefused(copy.path, .unsupportedFormat, at: copy.path, message)
        #expect(outcome.error?.message == message)
    }

    /// A copy of `zip_bomb.xlsx`, in `scratch`, whose local and central headers declare the sheet part as 1,000 bytes.
    private func lyingCopyOfZipBomb(in scratch: ScratchFolder) throws -> String {
        var data = try Data(contentsOf: URL(fileURLWithPath: AttackHarness.fixture("zip_bomb.xlsx")))
        let name = Data(Self.sheetPart.utf8)
        let lie = withUnsafeBytes(of: UInt32(1000).littleEndian) { Data($0) }
        var patched = 0
        // Local header: name at +30, uncompressed size at +22; central header: name at +46, size at +24.
        for (signature, nameOffset, sizeOffset) in [(Data([0x50, 0x4B, 0x03, 0x04]), 30, 22), (Data([0x50, 0x4B, 0x01, 0x02]), 46, 24)] {
            var searchStart = data.startIndex
            while let found = data.range(of: signature, in: searchStart..<data.endIndex) {
                let header = found.lowerBound
                if data.count >= header + nameOffset + name.count, data[(header + nameOffset)..<(header + nameOffset + name.count)] == name {
                    data.replaceSubrange((header + sizeOffset)..<(header + sizeOffset + 4), with: lie)
                    patched += 1
                }
                searchStart = found.upperBound
            }
        }
        #expect(patched == 2)
        let url = scratch.url.appendingPathComponent("zip_bomb_lying.xlsx")
        try data.write(to: url)
        return url.path
    }

    private func sparseFile(at url: URL, head: Data, size: UInt64) throws {
        try head.write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: size)
        try handle.close()
    }
}
