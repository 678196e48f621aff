import CXMLReader
import Foundation
import ResponderModel

/// A forward-only XML reader over one in-memory part, backed by libxml2 through the CXMLReader shim.
///
/// Documents with a DOCTYPE are rejected and entities are never substituted, so buyer files cannot
/// use external entities or entity bombs. The reader owns its C handle and frees it in `deinit`;
/// it is deliberately not `Sendable`.
final class XMLStreamReader {
    /// Node kinds the readers care about; everything else is ``other``.
    enum NodeType: Equatable {
        case element, endElement, text, whitespace, other
    }

    private let handle: OpaquePointer
    /// How errors name the document: `buyer.xlsx:xl/worksheets/sheet2.xml`.
    let file: String

    /// Creates a reader over a copy of `data`; `file` names the document in error locations.
    init(data: Data, file: String) throws(SpreadsheetError) {
        let created = data.withUnsafeBytes { buffer in
            rsp_xml_reader_create(buffer.bindMemory(to: UInt8.self).baseAddress, buffer.count, file)
        }
        guard let created else {
            throw SpreadsheetError(.limitExceeded, at: SourceLocation(file: file), "out of memory while opening the XML part")
        }
        handle = created
        self.file = file
    }

    /// Creates a reader that takes over `buffer` (from `rsp_xml_buffer_resize`, see
    /// ``XLSXArchive/bytes(of:)``) instead of copying it; the buffer is freed with the reader.
    init(takingBuffer buffer: UnsafeMutablePointer<UInt8>, count: Int, file: String) throws(SpreadsheetError) {
        guard let created = rsp_xml_reader_create_owning(buffer, count, file) else {
            throw SpreadsheetError(.limitExceeded, at: SourceLocation(file: file), "out of memory while opening the XML part")
        }
        handle = created
        self.file = file
    }

    deinit { rsp_xml_reader_free(handle) }

    /// Moves to the next node; false at the end of the document.
    /// - Throws: ``SpreadsheetError`` `.malformed` with the line, for malformed XML or a DOCTYPE.
    func read() throws(SpreadsheetError) -> Bool {
        switch rsp_xml_reader_read(handle) {
        case 1:
            return true
        case 0:
            return false
        default:
            throw lastError()
        }
    }

    /// The first error the C reader met, with its line: call only after a read reported -1.
    func lastError() -> SpreadsheetError {
        let message = rsp_xml_reader_error_message(handle).map { String(cString: $0) } ?? "malformed XML"
        let line = Int(rsp_xml_reader_error_line(handle))
        return SpreadsheetError(
            .malformed, at: SourceLocation(file: file, line: line > 0 ? line : nil),
            "malformed XML: \(message)")
    }

    /// The cells of the current `<row>` start element (not empty), read up to its end tag in one C
    /// call (see rsp_xml_reader_read_row): `status` is 1 at the row's end, 0 at the end of the
    /// document, 2 when a cell beyond `maxCells` was met (the reader is on it), -1 on an error to be
    /// thrown with ``lastError()`` after the cells read before it are used. The cells and `text`
    /// belong to the reader and are valid only until it reads again.
    func readRowCells(maxCells: Int) -> (cells: UnsafeBufferPointer<rsp_xml_cell>, text: UnsafePointer<UInt8>?, status: Int32) {
        var cells: UnsafePointer<rsp_xml_cell>?
        var count: Int32 = 0
        var text: UnsafePointer<UInt8>?
        let status = rsp_xml_reader_read_row(handle, Int32(clamping: maxCells), &cells, &count, &text)
        return (UnsafeBufferPointer(start: cells, count: Int(count)), text, status)
    }

    var nodeType: NodeType {
        switch rsp_xml_reader_node_type(handle) {
        case Int32(RSP_XML_NODE_ELEMENT): .element
        case Int32(RSP_XML_NODE_END_ELEMENT): .endElement
        case Int32(RSP_XML_NODE_TEXT), Int32(RSP_XML_NODE_CDATA): .text
        case Int32(RSP_XML_NODE_WHITESPACE), Int32(RSP_XML_NODE_SIGNIFICANT_WHITESPACE): .whitespace
        default: .other
        }
    }

    /// The 1-based line the parser has reached.
    var line: Int { Int(rsp_xml_reader_line(handle)) }

    /// The current place in the document, for errors found above the XML level.
    var location: SourceLocation { SourceLocation(file: file, line: line) }

    /// 0 for the root element.
    var depth: Int { Int(rsp_xml_reader_depth(handle)) }

    /// True for `<x/>`, which has no end-element node.
    var isEmptyElement: Bool { rsp_xml_reader_is_empty_element(handle) == 1 }

    var localName: String { String(cString: rsp_xml_reader_local_name(handle)) }

    var namespaceURI: String { String(cString: rsp_xml_reader_namespace_uri(handle)) }

    /// The text of a text, CDATA or whitespace node.
    var value: String { String(cString: rsp_xml_reader_value(handle)) }

    /// The current element's attribute with this local name (any namespace prefix).
    func attribute(_ localName: String) -> String? {
        guard let copy = rsp_xml_reader_attribute(handle, localName) else { return nil }
        defer { rsp_xml_free_string(copy) }
        return String(cString: copy)
    }

    /// Whether the current node has this local name, compared without creating a Swift string.
    func hasLocalName(_ name: String) -> Bool {
        guard let actual = rsp_xml_reader_local_name(handle) else { return false }
        return name.withCString { strcmp(actual, $0) == 0 }
    }

    /// Whether the current node is an element with this local name.
    func isElement(_ name: String) -> Bool {
        nodeType == .element && hasLocalName(name)
    }

    /// Collects the text inside the current element (which must be a start element), stopping at
    /// its end; returns "" for an empty element.
    func readText() throws(SpreadsheetError) -> String {
        guard !isEmptyElement else { return "" }
        let startDepth = depth
        var text = ""
        while try read() {
            let type = nodeType
            if type == .endElement && depth == startDepth { break }
            if type == .text || type == .whitespace { text += value }
        }
        return text
    }

    /// Collects a SpreadsheetML string item (`<si>` or `<is>`, the current start element): the
    /// text of its `<t>` elements, plain or inside rich-text runs, in order. Phonetic runs (`<rPh>`)
    /// are skipped, and so is whitespace between elements, which only pretty-printing put there.
    /// The walk is done in C (rsp_xml_reader_read_string_item): the shared-string table of a large
    /// workbook is hundreds of thousands of items. The text comes back decoded by ``ExcelText``.
    func readStringItem() throws(SpreadsheetError) -> String {
        try withStringItem { String(decoding: $0, as: UTF8.self) }
    }

    /// ``readStringItem()`` with ``ExcelText`` escapes decoded, deciding on the bytes first.
    func readDecodedStringItem() throws(SpreadsheetError) -> String {
        try withStringItem { ExcelText.decode(utf8: $0) }
    }

    private func withStringItem(_ body: (UnsafeBufferPointer<UInt8>) -> String) throws(SpreadsheetError) -> String {
        var text: UnsafePointer<UInt8>?
        var length = 0
        guard rsp_xml_reader_read_string_item(handle, &text, &length) >= 0 else { throw lastError() }
        // libxml2 hands out well-formed UTF-8 only, so decoding never repairs anything.
        return body(UnsafeBufferPointer(start: length > 0 ? text : nil, count: length))
    }
}
