import Foundation
import ResponderModel

/// Reads a questionnaire file (XLSX or CSV) into a ``Workbook``, choosing the reader from the content.
public enum SpreadsheetReader {
    /// Reads the file at `path`, which is only read, never modified.
    ///
    /// The format comes from the content, not just the extension: a ZIP with `xl/workbook.xml` is
    /// XLSX; `.csv`, `.tsv` and `.txt` files, and other files that look like text, are CSV. Excel
    /// binary (.xlsb), Apple Numbers, legacy .xls and password-protected workbooks are refused with a
    /// message saying what to save the file as.
    /// - Returns: the workbook and non-fatal diagnostics (unresolved dropdowns, odd cells).
    /// - Throws: ``SpreadsheetError`` naming the file and place when the file cannot be read.
    public static func read(path: String) throws(SpreadsheetError) -> (workbook: Workbook, diagnostics: [Diagnostic]) {
        try read(path: path, limits: .standard)
    }

    static func read(path: String, limits: ReadLimits) throws(SpreadsheetError) -> (workbook: Workbook, diagnostics: [Diagnostic]) {
        let url = URL(fileURLWithPath: path)
        let location = SourceLocation(file: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SpreadsheetError(.io, at: location, "no such file")
        }
        let fileExtension = url.pathExtension.lowercased()
        if fileExtension == "numbers" { throw unsupported(location, numbersMessage) }
        guard !isDirectory.boolValue else { throw SpreadsheetError(.io, at: location, "this is a folder, not a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let head = try readHead(url: url, location: location)
        if let other = FileSignature.name(ofHead: head) {
            throw unsupported(location, "this is \(other), not a spreadsheet: ask for the questionnaire as .xlsx or .csv")
        }

        let kind = FileKind(head: head)
        switch kind {
        case .zip:
            guard size <= limits.maxArchiveFileBytes else {
                throw SpreadsheetError(.limitExceeded, at: location, "the file is \(size) bytes; the limit is \(limits.maxArchiveFileBytes)")
            }
            let archive = try XLSXArchive(url: url, path: path, limits: limits)
            let names = archive.entryNames
            if names.contains("xl/workbook.bin") {
                throw unsupported(location, "this is an Excel binary workbook (.xlsb): save it as .xlsx (Excel Workbook) and try again")
            }
            if names.contains("Index/Document.iwa") || names.contains("Index.zip") {
                throw unsupported(location, numbersMessage)
            }
            if names.contains("content.xml") && names.contains("mimetype") && !names.contains("xl/workbook.xml") {
                throw unsupported(location, "this is an OpenDocument file (.ods): save it as .xlsx (Excel Workbook) and try again")
            }
            // A workbook part at another path is found through the package relationships.
            let otherDocument = names.contains("word/document.xml") || names.contains("ppt/presentation.xml")
            guard
                names.contains("xl/workbook.xml")
                    || names.contains("[Content_Types].xml") && names.contains("_rels/.rels") && !otherDocument
            else {
                throw unsupported(location, "this is \(FileSignature.name(ofZipEntries: Set(names))), not a spreadsheet: expected an .xlsx or .csv file")
            }
            return try XLSXReader.read(archive: archive, path: path, limits: limits)
        case .ole:
            guard size <= limits.maxArchiveFileBytes else {
                throw SpreadsheetError(.limitExceeded, at: location, "the file is \(size) bytes; the limit is \(limits.maxArchiveFileBytes)")
            }
            let data = try readAll(url: url, location: location)
            func holds(_ stream: String) -> Bool { data.range(of: Data(stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) != nil }
            if holds("WordDocument") {
                throw unsupported(location, "this is a legacy Word document (.doc), not a spreadsheet: ask for the questionnaire as .xlsx or .csv")
            }
            if holds("EncryptionInfo") {
                throw unsupported(location, "this is a password-protected workbook: remove the password (File > Info > Protect Workbook) and save as .xlsx")
            }
            throw unsupported(location, "this is a legacy Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) and try again")
        case .text, .binary:
            // Binary-looking content still goes to the CSV reader when the name says CSV: it then
            // reports the line of the NUL byte or invalid text instead of a vague refusal.
            let named = ["csv", "tsv", "txt"].contains(fileExtension)
            guard kind == .text || named else {
                throw unsupported(location, "this is not a spreadsheet we can read: save it as .xlsx (Excel Workbook) or .csv")
            }
            guard named || !["xlsx", "xlsm", "xls", "xlsb"].contains(fileExtension) else {
                throw unsupported(
                    location,
                    "this file is named .\(fileExtension) but holds \(FileSignature.name(ofText: head)), not a workbook: "
                        + "open it in Excel and save it as .xlsx, or rename it .csv if it is CSV")
            }
            guard size <= limits.maxCSVFileBytes else {
                throw SpreadsheetError(.limitExceeded, at: location, "the file is \(size) bytes; the limit for CSV is \(limits.maxCSVFileBytes)")
            }
            let workbook = try CSVReader.read(data: readAll(url: url, location: location), path: path, limits: limits)
            return (workbook, [])
        }
    }

    private static let numbersMessage = "this is an Apple Numbers document: export it as .xlsx (File > Export To > Excel) and try again"

    private static func unsupported(_ location: SourceLocation, _ message: String) -> SpreadsheetError {
        SpreadsheetError(.unsupportedFormat, at: location, message)
    }

    /// What the first bytes of a file say it is.
    enum FileKind: Equatable {
        case zip, ole, text, binary

        init(head: Data) {
            let bytes = [UInt8](head)
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
                self = .zip
            } else if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                self = .ole
            } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                self = .text
            } else {
                // Text has no NUL bytes and few control characters other than tab and line ends.
                let controls = bytes.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.count
                self = !bytes.contains(0) && controls * 100 <= bytes.count ? .text : .binary
            }
        }
    }

    private static func readHead(url: URL, location: SourceLocation) throws(SpreadsheetError) -> Data {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            return try handle.read(upToCount: 4096) ?? Data()
        } catch {
            throw SpreadsheetError(.io, at: location, "the file cannot be read (\(error.localizedDescription))")
        }
    }

    private static func readAll(url: URL, location: SourceLocation) throws(SpreadsheetError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw SpreadsheetError(.io, at: location, "the file cannot be read (\(error.localizedDescription))")
        }
    }
}
