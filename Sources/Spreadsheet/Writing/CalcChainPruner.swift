import Foundation

/// Removes entries from `xl/calcChain.xml` (ECMA-376 Part 1, 18.6), whose `<c r i>` entries name
/// formula cells; `i` (the sheet id) may be omitted, meaning "same sheet as the previous entry".
enum CalcChainPruner {
    /// Maps worksheet part paths (`xl/worksheets/sheet2.xml`) to their `sheetId` in workbook.xml.
    static func sheetIDs(workbook: Data?, relationships: Data?) -> [String: String] {
        guard let workbook, let relationships else { return [:] }
        var targets: [String: String] = [:]
        let relScanner = XMLTagScanner(bytes: [UInt8](relationships))
        var position = 0
        while let tag = relScanner.nextTag(from: position) {
            if tag.localName == "Relationship", let id = relScanner.attribute("Id", of: tag),
                let target = relScanner.attribute("Target", of: tag)
            {
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
            position = tag.end
        }
        var result: [String: String] = [:]
        let bookScanner = XMLTagScanner(bytes: [UInt8](workbook))
        position = 0
        while let tag = bookScanner.nextTag(from: position) {
            if tag.localName == "sheet", let sheetID = bookScanner.attribute("sheetId", of: tag),
                let relation = bookScanner.attributes(of: tag).first(where: { $0.name.hasSuffix(":id") })?.value,
                let target = targets[relation]
            {
                result[target] = sheetID
            }
            position = tag.end
        }
        return result
    }

    /// The chain without the given cells. When a removed entry carried the `i` that following
    /// entries inherit, that `i` moves to the next entry so the others keep their sheet.
    static func removing(_ cells: [(sheetID: String, cell: CellAddress)], from bytes: [UInt8]) -> [UInt8] {
        let scanner = XMLTagScanner(bytes: bytes)
        var result: [UInt8] = []
        var cursor = 0
        var currentSheet = "1"
        var carry: String?
        var position = 0
        while let tag = scanner.nextTag(from: position) {
            position = tag.end
            guard tag.localName == "c", tag.kind == .empty || tag.kind == .start,
                let reference = scanner.attribute("r", of: tag), let address = CellAddress(reference)
            else { continue }
            let explicit = scanner.attribute("i", of: tag)
            if let explicit { currentSheet = explicit }
            let end = scanner.elementEnd(of: tag) ?? tag.end
            if cells.contains(where: { $0.sheetID == currentSheet && $0.cell == address }) {
                result.append(contentsOf: bytes[cursor..<tag.start])
                cursor = end
                if explicit != nil { carry = currentSheet }
            } else if let sheet = carry {
                carry = nil
                if explicit == nil {
                    let nameEnd = tag.start + 1 + tag.name.utf8.count
                    result.append(contentsOf: bytes[cursor..<nameEnd])
                    result.append(contentsOf: " i=\"\(sheet)\"".utf8)
                    cursor = nameEnd
                }
            }
            position = end
        }
        result.append(contentsOf: bytes[cursor...])
        return result
    }

    /// Whether the chain still lists a cell; the schema requires at least one `<c>`, so an empty
    /// chain must be removed from the package instead.
    static func hasEntries(_ bytes: [UInt8]) -> Bool {
        let scanner = XMLTagScanner(bytes: bytes)
        var position = 0
        while let tag = scanner.nextTag(from: position) {
            if tag.localName == "c", tag.kind == .empty || tag.kind == .start { return true }
            position = tag.end
        }
        return false
    }

    /// `bytes` without the empty or start-to-end elements for which `matches` is true (used to
    /// drop the calcChain's content-type override and relationship, leaving all else as it was).
    static func removingElements(from bytes: [UInt8], where matches: (XMLTagScanner, XMLTagScanner.Tag) -> Bool) -> [UInt8] {
        let scanner = XMLTagScanner(bytes: bytes)
        var result: [UInt8] = []
        var cursor = 0
        var position = 0
        while let tag = scanner.nextTag(from: position) {
            position = tag.end
            guard tag.kind == .empty || tag.kind == .start, matches(scanner, tag) else { continue }
            let end = scanner.elementEnd(of: tag) ?? tag.end
            result.append(contentsOf: bytes[cursor..<tag.start])
            cursor = end
            position = end
        }
        result.append(contentsOf: bytes[cursor...])
        return result
    }
}
