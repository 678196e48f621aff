import Foundation
import Testing
import TestSupport
@testable import Spreadsheet

/// Attacks 1-3: XML external entities, entity expansion and external DTDs in the parts of an XLSX.
@Suite struct XMLAttackTests {
    /// Where the DOCTYPE sits, and how the part is encoded: each variant must be refused before any
    /// entity is declared, expanded or fetched.
    enum Variant: String, CaseIterable, Sendable {
        /// A general entity naming a regular temporary file holding the marker.
        case entityOnFile
        /// A general entity naming a pipe that records any open.
        case entityOnPipe
        /// The same, behind a comment holding `<`, which ends a naive prolog scan early.
        case entityAfterComment
        /// The same, with the part encoded as UTF-16, which a byte scan for `<!DOCTYPE` misses.
        case entityInUTF16
        /// A parameter entity, expanded inside the DTD itself.
        case parameterEntityAfterComment
        /// An external DTD subset.
        case externalSubsetAfterComment
        /// A general entity in the shared-strings part rather than the worksheet.
        case entityInSharedStrings

        var part: String { self == .entityInSharedStrings ? "xl/sharedStrings.xml" : "xl/worksheets/sheet1.xml" }

        /// The line of the DOCTYPE in the part.
        var line: Int { rawValue.hasSuffix("AfterComment") ? 3 : 2 }
    }

    @Test(arguments: Variant.allCases)
    func externalEntityNeverReadsTheFile(variant: Variant) throws {
        let scratch = try ScratchFolder("AttackTests")
        let directory = scratch.url
        let marker = "RESPONDER-XXE-MARKER-\(variant.rawValue)"
        let markerFile = directory.appendingPathComponent("secret.txt")
        try Data(marker.utf8).write(to: markerFile)
        let probe = try FileOpenProbe(in: directory, marker: marker)
        let target = variant == .entityOnFile ? markerFile.path : probe.path

        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let comment = variant.line == 3 ? "<!-- <row> -->\n" : ""
        let doctype =
            switch variant {
            case .parameterEntityAfterComment: #"<!DOCTYPE worksheet [<!ENTITY % p SYSTEM "file://\#(target)"> %p;]>"#
            case .externalSubsetAfterComment: #"<!DOCTYPE worksheet SYSTEM "file://\#(target)">"#
            default: #"<!DOCTYPE root [<!ENTITY xxe SYSTEM "file://\#(target)">]>"#
            }
        let encoding = variant == .entityInUTF16 ? "UTF-16" : "UTF-8"
        let prolog = "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n\(comment)\(doctype)\n"
        let sheet: String
        var sharedStrings: Data?
        if variant == .entityInSharedStrings {
            sheet = #"<worksheet xmlns="\#(main)"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#
            sharedStrings = Data((prolog + #"<sst xmlns="\#(main)"><si><t>&xxe;</t></si></sst>"#).utf8)
        } else {
            sheet = prolog + #"<worksheet xmlns="\#(main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>[&xxe;]</t></is></c></row></sheetData></worksheet>"#
        }
        let sheetData =
            variant == .entityInUTF16
            ? Data([0xFF, 0xFE]) + sheet.data(using: .utf16LittleEndian)!
            : Data(sheet.utf8)
        let workbook = directory.appendingPathComponent("xxe.xlsx")
        try AttackHarness.writeWorkbook(sheet: sheetData, sharedStrings: sharedStrings, to: workbook)

        let outcome = AttackHarness.expectRefused(
            workbook.path, .malformed, at: "\(workbook.path):\(variant.part):\(variant.line)",
            "document type declarations (DOCTYPE) are not allowed")
        #expect(!probe.finish(), "the parser opened the entity's target")
        #expect(!outcome.allText.contains(marker))
        #expect(outcome.error?.message.contains(marker) == false)
    }

    @Test(arguments: [
        ("doctype_bomb.xlsx", "xl/worksheets/sheet1.xml:2", true),
        ("billion_laughs_shared_strings.xlsx", "xl/sharedStrings.xml:2", false),
        ("billion_laughs_after_comment.xlsx", "xl/worksheets/sheet1.xml:3", false),
        ("billion_laughs_utf16.xlsx", "xl/worksheets/sheet1.xml:2", false),
    ])
    func billionLaughsIsRefusedBeforeExpansion(name: String, place: String, fromBaseFixtures: Bool) {
        let path = fromBaseFixtures ? AttackHarness.baseFixture(name) : AttackHarness.fixture(name)
        let outcome = AttackHarness.expectRefused(path, .malformed, at: "\(path):\(place)", "DOCTYPE")
        // Refused at the declaration: no row was parsed, nothing was expanded.
        #expect(outcome.counters.rowsRead == 0)
    }

    @Test(arguments: [
        ("external_dtd.xlsx", "xl/workbook.xml:2"),
        ("external_dtd_in_rels.xlsx", "_rels/.rels:2"),
    ])
    func externalDTDIsNeverFetched(name: String, place: String) {
        let path = AttackHarness.fixture(name)
        AttackHarness.expectRefused(path, .malformed, at: "\(path):\(place)", "DOCTYPE")
    }
}
