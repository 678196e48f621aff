import Foundation
import Testing
@testable import Spreadsheet

@Suite struct XMLStreamReaderTests {
    private func reader(_ xml: String) throws -> XMLStreamReader {
        try XMLStreamReader(data: Data(xml.utf8), file: "t.xlsx:part.xml")
    }

    @Test func streamsElementsWithNamesNamespacesAndAttributes() throws {
        let xml = """
            <w xmlns="urn:main" xmlns:r="urn:rel"><s name="AI" r:id="rId1"/><t xml:space="preserve"> a </t></w>
            """
        let stream = try reader(xml)
        var seen: [String] = []
        while try stream.read() {
            switch stream.nodeType {
            case .element:
                seen.append("<\(stream.localName) \(stream.namespaceURI) d\(stream.depth) e\(stream.isEmptyElement)>")
                if stream.localName == "s" {
                    #expect(stream.attribute("name") == "AI")
                    #expect(stream.attribute("id") == "rId1")
                    #expect(stream.attribute("missing") == nil)
                }
            case .endElement: seen.append("</\(stream.localName)>")
            case .text, .whitespace: seen.append("'\(stream.value)'")
            case .other: break
            }
        }
        #expect(seen == ["<w urn:main d0 efalse>", "<s urn:main d1 etrue>", "<t urn:main d1 efalse>", "' a '", "</t>", "</w>"])
    }

    @Test(arguments: [
        ("<si><t>Plain</t></si>", "Plain"),
        ("<si><r><t>Kan</t></r><rPh><t>KANA</t></rPh><r><t>ji</t></r><phoneticPr/></si>", "Kanji"),
        ("<si>\n  <r>\n    <rPr><b/></rPr>\n    <t>Pretty</t>\n  </r>\n  <r><t xml:space=\"preserve\"> printed </t></r>\n</si>", "Pretty printed "),
        ("<si>stray<t>kept</t></si>", "kept"),
        ("<si><t/></si>", ""),
        ("<si/>", ""),
    ])
    func stringItemsKeepOnlyTheirTextRuns(xml: String, expected: String) throws {
        let stream = try reader(xml)
        _ = try stream.read()
        #expect(try stream.readStringItem() == expected)
        #expect(try !stream.read())
    }

    @Test(arguments: [
        ("<a>\n<b>\n</a>", 3),
        ("<a>\n\n\n<b x='1' x='2'/></a>", 4),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<a>&e;</a>", 2),
        ("", 1),
    ])
    func malformedDocumentsReportTheirLine(xml: String, line: Int) throws {
        let stream = try reader(xml)
        let error = #expect(throws: SpreadsheetError.self) { while try stream.read() {} }
        #expect(error?.kind == .malformed)
        #expect(error?.location.file == "t.xlsx:part.xml")
        #expect(error?.location.line == line)
    }

    @Test func doctypeInUTF16IsRejectedToo() throws {
        var data = Data([0xFF, 0xFE])
        data.append(contentsOf: "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>".data(using: .utf16LittleEndian)!)
        let stream = try XMLStreamReader(data: data, file: "u.xml")
        let error = #expect(throws: SpreadsheetError.self) { while try stream.read() {} }
        #expect(error?.message.contains("DOCTYPE") == true)
    }

    @Test func entitiesAreNeverSubstituted() throws {
        // Predefined and character references still work: they are not DTD entities.
        let stream = try reader("<a>&lt;x&gt; &amp; &#65;</a>")
        _ = try stream.read()
        #expect(try stream.readText() == "<x> & A")
    }

    // Rows are read in C batches; errors must still come out in document order: a bad reference is
    // checked before the cell's content, a bad shared-string index only once the cell is complete.
    // The padding puts the broken XML beyond libxml2's look-ahead, which reports errors it has seen early.
    @Test(arguments: [
        ("<c r=\"A1\" t=\"s\"><v>99</v><x>PAD</x><y></c>", SpreadsheetError.Kind.malformed, "malformed XML", "t.xlsx:part.xml:2"),
        ("<c r=\"1A\" t=\"s\"><v>99</v><x>PAD</x><y></c>", .malformed, "invalid cell reference '1A'", "t.xlsx[S]:2"),
        ("<c r=\"A1\" t=\"s\"><v>99</v></c><c><x>PAD</x><y></c>", .malformed, "shared string index '99'", "t.xlsx[S]!A1"),
    ])
    func worksheetErrorsKeepDocumentOrder(cells: String, kind: SpreadsheetError.Kind, message: String, location: String) throws {
        let row = cells.replacingOccurrences(of: "PAD", with: String(repeating: "padding ", count: 4_000))
        let xml = "<worksheet>\n<sheetData><row r=\"1\">\(row)</row></sheetData></worksheet>"
        var parser = WorksheetParser(
            reader: try reader(xml), path: "t.xlsx", sheetName: "S", sharedStrings: [],
            lockedStyles: [], limits: .standard)
        let error = #expect(throws: SpreadsheetError.self) { try parser.parse() }
        #expect(error?.kind == kind)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        #expect(error?.location.description == location)
    }
}
