import Foundation
import ResponderModel

/// Finds and parses the workbook-level parts of an XLSX archive: package and workbook
/// relationships, the sheet list and defined names, shared strings and cell-format protection.
struct XLSXParts {
    struct Relationship: Equatable {
        var type: String
        /// The target as an archive entry name (`xl/worksheets/sheet1.xml`).
        var target: String
    }

    struct SheetEntry: Equatable {
        var name: String
        var relationshipID: String
        var visibility: SheetVisibility
    }

    let archive: XLSXArchive
    let path: String

    /// An XML reader over a part, or nil when the archive lacks it.
    func reader(for part: String) throws(SpreadsheetError) -> XMLStreamReader? {
        guard let bytes = try archive.bytes(of: part) else { return nil }
        return try XMLStreamReader(takingBuffer: bytes.buffer, count: bytes.count, file: "\(path):\(part)")
    }

    /// The main workbook part named by the package relationships, `xl/workbook.xml` by default.
    func officeDocumentPath() throws(SpreadsheetError) -> String {
        let package = try relationships(of: "")
        return package.values.filter { $0.type.hasSuffix("/officeDocument") }.map(\.target).sorted().first ?? "xl/workbook.xml"
    }

    /// The relationships of `part` (`""` for the package), keyed by Id, with targets resolved to entry names.
    func relationships(of part: String) throws(SpreadsheetError) -> [String: Relationship] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/\(name).rels"
        guard let reader = try reader(for: relsPart) else { return [:] }
        var result: [String: Relationship] = [:]
        while try reader.read() {
            guard reader.isElement("Relationship"), let id = reader.attribute("Id"), let target = reader.attribute("Target"),
                reader.attribute("TargetMode") != "External"
            else { continue }
            result[id] = Relationship(type: reader.attribute("Type") ?? "", target: Self.resolve(target, from: folder))
        }
        return result
    }

    /// Resolves a relationship target against the source part's folder; `/xl/...` is absolute.
    static func resolve(_ target: String, from folder: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var components = decoded.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for component in decoded.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    /// The `<sheets>` and `<definedNames>` of the workbook part, in file order.
    static func sheetEntries(_ reader: XMLStreamReader) throws(SpreadsheetError) -> (sheets: [SheetEntry], definedNames: [DefinedName]) {
        var sheets: [SheetEntry] = []
        var names: [DefinedName] = []
        while try reader.read() {
            guard reader.nodeType == .element else { continue }
            switch reader.localName {
            case "sheet":
                guard let name = reader.attribute("name"), let id = reader.attribute("id") else {
                    throw SpreadsheetError(.malformed, at: reader.location, "a <sheet> lacks its name or r:id")
                }
                let visibility = SheetVisibility(rawValue: reader.attribute("state") ?? "visible") ?? .visible
                sheets.append(SheetEntry(name: name, relationshipID: id, visibility: visibility))
            case "definedName":
                let name = reader.attribute("name") ?? ""
                let local = reader.attribute("localSheetId").flatMap { Int($0) }
                let hidden = isTrue(reader.attribute("hidden"))
                let reference = try reader.readText()
                names.append(DefinedName(name: name, reference: reference, localSheetIndex: local, isHidden: hidden))
            default:
                break
            }
        }
        return (sheets, names)
    }

    /// The shared string table: plain `<t>`, rich-text runs concatenated, phonetic runs skipped.
    static func sharedStrings(_ reader: XMLStreamReader) throws(SpreadsheetError) -> [String] {
        var strings: [String] = []
        while try reader.read() {
            if reader.isElement("si") {
                strings.append(try reader.readDecodedStringItem())
            }
        }
        return strings
    }

    /// For each `cellXfs` entry, whether cells using it are locked (Excel's default is locked).
    static func cellFormatLocks(_ reader: XMLStreamReader) throws(SpreadsheetError) -> [Bool] {
        var locks: [Bool] = []
        var inCellXfs = false
        var applyProtection = true
        while try reader.read() {
            switch (reader.nodeType, reader.localName) {
            case (.element, "cellXfs"):
                inCellXfs = !reader.isEmptyElement
            case (.endElement, "cellXfs"):
                inCellXfs = false
            case (.element, "xf") where inCellXfs:
                // applyProtection="0" says the xf's own protection settings are not applied.
                applyProtection = reader.attribute("applyProtection").map(isTrue) ?? true
                locks.append(true)
            case (.element, "protection") where inCellXfs && !locks.isEmpty:
                if applyProtection, let locked = reader.attribute("locked"), !isTrue(locked) {
                    locks[locks.count - 1] = false
                }
            default:
                break
            }
        }
        return locks
    }

    /// XML Schema booleans: `1` and `true`.
    static func isTrue(_ value: String?) -> Bool { value == "1" || value == "true" }
}
