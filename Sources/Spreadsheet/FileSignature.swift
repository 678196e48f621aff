import Foundation

/// Recognises common files that are not spreadsheets from their first bytes (and, for ZIP
/// containers, their entry names), so a refusal can say what the file really is.
enum FileSignature {
    /// What a non-spreadsheet file is, from its first bytes; nil when it may be a spreadsheet or text.
    static func name(ofHead head: Data) -> String? {
        let bytes = [UInt8](head.prefix(16))
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        if starts(Array("%PDF-".utf8)) { return "a PDF document" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if starts(Array("GIF8".utf8)) { return "a GIF image" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "a TIFF image" }
        if starts(Array("RIFF".utf8)), bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) { return "a WebP image" }
        if bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8) { return "an image or video (ISO media, such as HEIC)" }
        if starts(Array("{\\rtf".utf8)) { return "an RTF document" }
        return nil
    }

    /// What a ZIP container that is not an XLSX workbook holds, from its entry names.
    static func name(ofZipEntries names: Set<String>) -> String {
        if names.contains("word/document.xml") { return "a Word document (.docx)" }
        if names.contains("ppt/presentation.xml") { return "a PowerPoint presentation (.pptx)" }
        if names.contains("content.xml") && names.contains("mimetype") { return "an OpenDocument file (.ods, .odt)" }
        let sample = names.sorted().prefix(3).joined(separator: ", ")
        return "a ZIP archive with no workbook inside" + (sample.isEmpty ? "" : " (it holds \(sample)\(names.count > 3 ? ", ..." : ""))")
    }

    /// What a text file holds when it is named like a workbook.
    static func name(ofText head: Data) -> String {
        let text = String(decoding: head.prefix(512), as: UTF8.self).lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") { return "an HTML page" }
        if text.hasPrefix("<?xml") { return "an XML file" }
        return "plain text (perhaps CSV)"
    }
}
