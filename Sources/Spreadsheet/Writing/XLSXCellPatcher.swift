import Foundation
import ResponderModel

/// Writes a copy of an existing workbook in which only chosen cells change, for giving a buyer
/// its own file back with the answers filled in.
///
/// Guarantees:
/// - every archive entry other than the patched worksheets (and `xl/calcChain.xml`, see below) is
///   copied with identical uncompressed bytes, names, order and timestamps; entries are
///   re-deflated, and directory entries (which Excel never writes) are dropped;
/// - in a patched worksheet only the target `<c>` elements change (or new `<c>`/`<row>` elements
///   are inserted in order); merges, validations, `extLst` blocks, protection, namespaces and the
///   XML declaration stay byte-identical. `<dimension>` and row `spans` are left as they were
///   (both are hints that readers must not trust anyway);
/// - values are written as inline strings keeping the cell's `s` style, so `sharedStrings.xml` is
///   never touched and no formula is ever written; a new cell takes the row's custom style or its
///   column's style, as Excel would show it;
/// - when an overwritten cell held a formula, its entry is removed from `xl/calcChain.xml`
///   (Excel reports a damaged file when the chain names a cell without a formula); a chain left
///   empty is removed with its content-type override and relationship (the schema needs one
///   entry; Excel rebuilds a missing chain). The chain is otherwise left alone, and those two
///   parts are then the only others that change;
/// - the input is never modified; the output is written to a temporary file in the destination
///   folder and renamed into place.
public enum XLSXCellPatcher {
    /// Copies `input` to `output` with `edits` applied.
    ///
    /// - Parameter edits: later edits of the same cell win.
    /// - Throws: ``XLSXWriteError``: `.io` when reading or writing fails, `.malformed` when a
    ///   worksheet cannot be patched safely (such as a row or cell without `r`), `.invalidEdit`
    ///   when an edit names a part that is not in the archive, its text is longer than
    ///   ``maxCellCharacters``, its cell anchors a shared or array formula other cells depend
    ///   on, or `output` is `input`.
    public static func patch(_ input: URL, edits: [XLSXCellEdit], output: URL) throws(XLSXWriteError) {
        let name = input.lastPathComponent
        guard input.standardizedFileURL.resolvingSymlinksInPath() != output.standardizedFileURL.resolvingSymlinksInPath() else {
            throw XLSXWriteError(.invalidEdit, at: SourceLocation(file: name), "the output must not replace the input")
        }
        let archive: ZipDirectory
        do {
            archive = try ZipDirectory(url: input, maxEntries: ReadLimits.standard.maxEntries)
        } catch {
            throw XLSXWriteError(.io, at: SourceLocation(file: name), "the file cannot be opened as a ZIP archive")
        }
        var editsByPart: [String: [CellAddress: String]] = [:]
        for edit in edits {
            guard edit.text.utf16.count <= maxCellCharacters else {
                throw XLSXWriteError(
                    .invalidEdit, at: SourceLocation(file: "\(name):\(edit.part)", cell: "\(edit.cell)"),
                    "the text has \(edit.text.utf16.count) characters; a cell holds at most \(maxCellCharacters)")
            }
            editsByPart[edit.part, default: [:]][edit.cell] = edit.text
        }

        var parts: [ZipPartWriter.Part] = []
        var budget = ReadLimits.standard.maxTotalBytes
        for entry in archive.entries where !entry.isDirectory {
            let data = try read(entry, from: archive, file: "\(name):\(entry.name)", budget: &budget)
            parts.append(ZipPartWriter.Part(path: entry.name, data: data, modificationDate: entry.modificationDate))
        }
        for part in editsByPart.keys.sorted() where !parts.contains(where: { $0.path == part }) {
            throw XLSXWriteError(.invalidEdit, at: SourceLocation(file: "\(name):\(part)"), "the workbook has no such part")
        }

        var formulaCells: [String: [CellAddress]] = [:]
        for index in parts.indices {
            guard let partEdits = editsByPart[parts[index].path] else { continue }
            let patcher = WorksheetPatcher(bytes: [UInt8](parts[index].data), file: "\(name):\(parts[index].path)")
            let outcome = try patcher.apply(partEdits)
            parts[index].data = Data(outcome.bytes)
            if !outcome.replacedFormulaCells.isEmpty { formulaCells[parts[index].path] = outcome.replacedFormulaCells }
        }
        if !formulaCells.isEmpty, let chainIndex = parts.firstIndex(where: { $0.path == "xl/calcChain.xml" }) {
            let sheetIDs = CalcChainPruner.sheetIDs(
                workbook: parts.first { $0.path == "xl/workbook.xml" }?.data,
                relationships: parts.first { $0.path == "xl/_rels/workbook.xml.rels" }?.data)
            var stale: [(sheetID: String, cell: CellAddress)] = []
            for (part, cells) in formulaCells {
                guard let sheetID = sheetIDs[part] else {
                    throw XLSXWriteError(
                        .malformed, at: SourceLocation(file: "\(name):xl/workbook.xml"),
                        "cannot find which sheet \(part) is, to update xl/calcChain.xml")
                }
                stale += cells.map { (sheetID, $0) }
            }
            let pruned = CalcChainPruner.removing(stale, from: [UInt8](parts[chainIndex].data))
            if CalcChainPruner.hasEntries(pruned) {
                parts[chainIndex].data = Data(pruned)
            } else {
                removeCalcChain(from: &parts, at: chainIndex)
            }
        }
        try ZipPartWriter.write(parts, to: output)
    }

    /// Drops the part, its content-type override and its workbook relationship (Excel rebuilds
    /// the chain when it is missing).
    private static func removeCalcChain(from parts: inout [ZipPartWriter.Part], at index: Int) {
        parts.remove(at: index)
        for i in parts.indices {
            switch parts[i].path {
            case "[Content_Types].xml":
                parts[i].data = Data(
                    CalcChainPruner.removingElements(from: [UInt8](parts[i].data)) { scanner, tag in
                        tag.localName == "Override" && scanner.attribute("PartName", of: tag) == "/xl/calcChain.xml"
                    })
            case "xl/_rels/workbook.xml.rels":
                parts[i].data = Data(
                    CalcChainPruner.removingElements(from: [UInt8](parts[i].data)) { scanner, tag in
                        tag.localName == "Relationship"
                            && ["calcChain.xml", "/xl/calcChain.xml"].contains(scanner.attribute("Target", of: tag) ?? "")
                    })
            default:
                break
            }
        }
    }

    /// Excel's limit on the characters in one cell.
    public static let maxCellCharacters = 32_767

    /// The uncompressed bytes of an entry, counted against `budget` (the readers' caps) so that
    /// a zip bomb cannot exhaust memory whatever its headers declare.
    private static func read(_ entry: ZipEntry, from archive: ZipDirectory, file: String, budget: inout Int) throws(XLSXWriteError) -> Data {
        let partLimit = ReadLimits.standard.maxPartBytes
        let contents: (buffer: UnsafeMutablePointer<UInt8>, count: Int)
        do {
            contents = try archive.contents(of: entry, maxBytes: max(1, min(partLimit, budget)))
        } catch  where error.kind == .tooLarge {
            throw XLSXWriteError(.malformed, at: SourceLocation(file: file), "the part expands beyond the size limit (\(partLimit) bytes per part, \(ReadLimits.standard.maxTotalBytes) in all)")
        } catch {
            throw XLSXWriteError(.io, at: SourceLocation(file: file), "the part cannot be read: \(error.message)")
        }
        budget -= contents.count
        return Data(bytesNoCopy: contents.buffer, count: contents.count, deallocator: .free)
    }
}
