import Foundation
import Spreadsheet
import Yams

/// A saved layout for a known questionnaire family (`Mappings/templates/*.yaml`, format version 1).
public struct TemplateProfile: Sendable, Hashable, Decodable {
    public var version: Int
    public var name: String
    /// A regular expression matched against the sheet name (case-insensitive).
    public var sheetPattern: String
    /// Texts that must all appear (case-insensitive) in the header row.
    public var headerContains: [String]
    /// The 1-based header row, when the family always puts it there; nil finds the header by
    /// `headerContains` anywhere in the sheet (the first row holding every text).
    public var headerRow: Int?
    public var columns: Columns

    /// Column letters by role.
    public struct Columns: Sendable, Hashable, Decodable {
        public var id: String?
        public var question: String
        public var answer: String?
        public var comment: [String]?
    }

    /// Loads every `.yaml` profile in a folder, sorted by file name.
    /// - Throws: ``DetectionError`` naming the file when one is malformed.
    public static func loadAll(from folder: URL) throws(DetectionError) -> [TemplateProfile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var profiles: [TemplateProfile] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let url = folder.appendingPathComponent(name)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                let profile = try YAMLDecoder().decode(TemplateProfile.self, from: text)
                guard profile.version == 1 else {
                    throw DetectionError("\(url.path): unsupported template version \(profile.version) (expected 1)")
                }
                _ = try profile.overrides()
                if (try? NSRegularExpression(pattern: profile.sheetPattern)) == nil {
                    throw DetectionError("\(url.path): sheetPattern '\(profile.sheetPattern)' is not a valid regular expression")
                }
                profiles.append(profile)
            } catch let error as DetectionError {
                throw error
            } catch {
                throw DetectionError("\(url.path): \(error)")
            }
        }
        return profiles
    }

    /// The columns as numbers. - Throws: ``DetectionError`` for bad letters.
    public func overrides() throws(DetectionError) -> ColumnOverrides {
        var parts = ["question=\(columns.question)"]
        if let id = columns.id { parts.append("id=\(id)") }
        if let answer = columns.answer { parts.append("answer=\(answer)") }
        for comment in columns.comment ?? [] { parts.append("comment=\(comment)") }
        do {
            return try ColumnOverrides(parsing: parts.joined(separator: ","))
        } catch {
            throw DetectionError("template '\(name)': \(error.message)")
        }
    }

    /// Whether this profile fits a sheet: its name matches and a header row holds the texts.
    public func matches(_ sheet: Sheet) -> Bool { header(in: sheet) != nil }

    /// The header row this profile finds in a sheet, or nil when the profile does not fit it.
    public func header(in sheet: Sheet) -> Int? {
        guard sheet.name.range(of: sheetPattern, options: [.regularExpression, .caseInsensitive]) != nil else { return nil }
        func holdsLabels(_ row: SheetRow) -> Bool {
            let header = row.cells.map { $0.value.displayText.lowercased() }.joined(separator: "\u{1F}")
            return headerContains.allSatisfy { header.contains($0.lowercased()) }
        }
        if let headerRow {
            return sheet.row(headerRow).map(holdsLabels) == true ? headerRow : nil
        }
        // A header holds short labels: rows with a long cell are data and are passed over unread.
        return sheet.rows.first { row in
            row.cells.count <= 40 && row.cells.allSatisfy { $0.value.isEmpty || HeaderLabel.isLabelLike($0.value.displayText) } && holdsLabels(row)
        }?.number
    }
}
