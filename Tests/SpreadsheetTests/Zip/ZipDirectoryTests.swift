import Foundation
import Testing
import TestSupport
@testable import Spreadsheet

/// The hand-written ZIP reader: stored and deflated entries, ZIP64 fields, and every refusal.
@Suite struct ZipDirectoryTests {
    /// Builds a one-entry archive byte by byte (APPNOTE 4.3), optionally with ZIP64 fields.
    struct Archive {
        var name = "a.txt"
        var content = Data("hello, world".utf8)
        var method: UInt16 = 0
        var flags: UInt16 = 0
        var zip64 = false
        /// Added to the compressed size written in the central directory.
        var compressedSizeSkew = 0

        func bytes() -> Data {
            var out = Data()
            func u16(_ value: Int) { withUnsafeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian) { out.append(contentsOf: $0) } }
            func u32(_ value: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { out.append(contentsOf: $0) } }
            func u64(_ value: Int) { withUnsafeBytes(of: UInt64(value).littleEndian) { out.append(contentsOf: $0) } }
            let nameBytes = Data(name.utf8)
            let size = content.count
            let compressed = size + compressedSizeSkew
            // Local header, then the data.
            u32(0x0403_4B50); u16(20); u16(Int(flags)); u16(Int(method)); u16(0x6000); u16(0x5B21); u32(0)
            u32(size); u32(size); u16(nameBytes.count); u16(0)
            out.append(nameBytes)
            out.append(content)
            // Central directory.
            let directoryStart = out.count
            let extra = zip64 ? 4 + 24 : 0
            u32(0x0201_4B50); u16(45); u16(45); u16(Int(flags)); u16(Int(method)); u16(0x6000); u16(0x5B21); u32(0)
            u32(zip64 ? 0xFFFF_FFFF : compressed); u32(zip64 ? 0xFFFF_FFFF : size)
            u16(nameBytes.count); u16(extra); u16(0); u16(0); u16(0); u32(0); u32(zip64 ? 0xFFFF_FFFF : 0)
            out.append(nameBytes)
            if zip64 { u16(0x0001); u16(24); u64(size); u64(compressed); u64(0) }
            let directorySize = out.count - directoryStart
            if zip64 {
                let record = out.count
                u32(0x0606_4B50); u64(44); u16(45); u16(45); u32(0); u32(0); u64(1); u64(1); u64(directorySize); u64(directoryStart)
                u32(0x0706_4B50); u32(0); u64(record); u32(1)
            }
            u32(0x0605_4B50); u16(0); u16(0)
            u16(zip64 ? 0xFFFF : 1); u16(zip64 ? 0xFFFF : 1)
            u32(zip64 ? 0xFFFF_FFFF : directorySize); u32(zip64 ? 0xFFFF_FFFF : directoryStart); u16(0)
            return out
        }
    }

    private func directory(_ archive: Archive) throws -> ZipDirectory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString).zip")
        try archive.bytes().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try ZipDirectory(url: url, maxEntries: 10)
    }

    private func text(_ contents: (buffer: UnsafeMutablePointer<UInt8>, count: Int)) -> String {
        defer { free(contents.buffer) }
        return String(decoding: UnsafeBufferPointer(start: contents.buffer, count: contents.count), as: UTF8.self)
    }

    @Test(arguments: [false, true])
    func storedEntryIsReadWithOrWithoutZIP64(zip64: Bool) throws {
        let zip = try directory(Archive(zip64: zip64))
        #expect(zip.entries.map(\.name) == ["a.txt"])
        #expect(zip.entries[0].uncompressedSize == 12)
        #expect(text(try zip.contents(of: zip.entries[0], maxBytes: 100)) == "hello, world")
        // DOS date 0x5B21 and time 0x6000: 2025-09-01 12:00:00, read as UTC.
        #expect(zip.entries[0].modificationDate == Date(timeIntervalSince1970: 1_756_728_000))
    }

    @Test func deflatedPartsOfARealWorkbookInflate() throws {
        let zip = try ZipDirectory(
            url: Fixtures.repositoryRoot().appendingPathComponent("Tests/SpreadsheetTests/Attacks/Fixtures/good.xlsx"),
            maxEntries: 100)
        let sheet = try #require(zip.entries.first { $0.name == "xl/worksheets/sheet1.xml" })
        #expect(sheet.method == 8)
        let xml = text(try zip.contents(of: sheet, maxBytes: 1 << 20))
        #expect(xml.hasPrefix("<?xml") && xml.hasSuffix("</worksheet>"))
        #expect(xml.utf8.count == Int(sheet.uncompressedSize))
        // Inflating stops one byte past the cap, and says how far it got.
        #expect(throws: ZipFormatError(.tooLarge, "the entry expands beyond 100 bytes", produced: 101)) {
            try zip.contents(of: sheet, maxBytes: 100)
        }
    }

    @Test(arguments: [
        (Archive(method: 12), ZipFormatError(.unsupported, "the entry uses compression method 12; only stored and deflated are read")),
        (Archive(flags: 1), ZipFormatError(.unsupported, "the entry is encrypted")),
        (Archive(compressedSizeSkew: 1000), ZipFormatError(.damaged, "the entry's data runs past the end of the file")),
        (Archive(method: 8), ZipFormatError(.damaged, "the entry's compressed data is damaged or cut short")),
        (Archive(content: Data(count: 200)), ZipFormatError(.tooLarge, "the entry holds 200 bytes")),
    ])
    func refusals(archive: Archive, expected: ZipFormatError) throws {
        let zip = try directory(archive)
        #expect(throws: expected) { try zip.contents(of: zip.entries[0], maxBytes: 100) }
    }

    /// Through the XLSX reader, such a part is an unsupported format, named with its part.
    @Test(arguments: [
        (Archive(name: "xl/workbook.xml", method: 12), "the entry uses compression method 12; only stored and deflated are read"),
        (Archive(name: "xl/workbook.xml", flags: 1), "the entry is encrypted"),
    ])
    func unreadablePartsAreUnsupportedFormats(archive: Archive, reason: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString).xlsx")
        try archive.bytes().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(
            throws: SpreadsheetError(
                .unsupportedFormat, at: .init(file: "\(url.path):xl/workbook.xml"),
                "the part cannot be read: \(reason)")
        ) {
            try SpreadsheetReader.read(path: url.path)
        }
    }

    @Test func damagedDirectoriesAreRefused() throws {
        var bytes = Archive().bytes()
        bytes.removeLast(22)  // no end record
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString).zip")
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ZipFormatError(.damaged, "no end-of-central-directory record (damaged or truncated file)")) {
            try ZipDirectory(url: url, maxEntries: 10)
        }
        var twoEntriesClaimed = Archive().bytes()
        twoEntriesClaimed[twoEntriesClaimed.count - 12] = 2  // total entries: 2, but the directory holds 1
        try twoEntriesClaimed.write(to: url)
        #expect(throws: ZipFormatError(.damaged, "the central directory is damaged at entry 2")) { try ZipDirectory(url: url, maxEntries: 10) }
        #expect(throws: ZipFormatError(.tooManyEntries, "the archive has more than 1 entries")) { try ZipDirectory(url: url, maxEntries: 1) }
    }
}
