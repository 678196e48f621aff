import Foundation
import ResponderModel

/// A ZIP archive opened read-only, whose parts are extracted under size caps.
///
/// Entry names with `..` components or absolute paths are refused outright. Each part's declared
/// uncompressed size is checked before extraction and the bytes actually produced are capped while
/// extracting, so a lying header cannot smuggle a zip bomb past the caps.
final class XLSXArchive {
    private let directory: ZipDirectory
    private let path: String
    private let limits: ReadLimits
    private let entries: [String: ZipEntry]
    private var totalBytes = 0

    /// The names of all file entries, as stored.
    let entryNames: Set<String>

    /// - Throws: ``SpreadsheetError`` `.malformed` when the file is not a readable ZIP or has unsafe
    ///   entry names, `.limitExceeded` when it has too many entries.
    init(url: URL, path: String, limits: ReadLimits) throws(SpreadsheetError) {
        self.path = path
        self.limits = limits
        do {
            directory = try ZipDirectory(url: url, maxEntries: limits.maxEntries)
        } catch let error as ZipFormatError where error.kind == .tooManyEntries {
            throw SpreadsheetError(.limitExceeded, at: SourceLocation(file: path), "the archive has more than \(limits.maxEntries) entries")
        } catch {
            throw SpreadsheetError(.malformed, at: SourceLocation(file: path), "the ZIP archive cannot be opened (damaged or truncated file)")
        }
        var entries: [String: ZipEntry] = [:]
        for entry in directory.entries {
            let name = entry.name
            if name.hasPrefix("/") || name.hasPrefix("\\") || name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
                throw SpreadsheetError(.malformed, at: SourceLocation(file: path), "the archive has an unsafe entry name '\(name)'")
            }
            if !entry.isDirectory { entries[name] = entry }
        }
        self.entries = entries
        entryNames = Set(entries.keys)
    }

    func contains(_ part: String) -> Bool { entries[part] != nil }

    /// The uncompressed bytes of a part, or nil when the archive has no such part, in a buffer from
    /// `malloc` that the caller owns (XMLStreamReader takes it over without a copy).
    /// - Throws: ``SpreadsheetError`` `.limitExceeded` past the per-part or total cap, `.malformed`
    ///   when the entry cannot be decompressed, `.unsupportedFormat` when it is encrypted or uses
    ///   a compression method other than stored or deflated.
    func bytes(of part: String) throws(SpreadsheetError) -> (buffer: UnsafeMutablePointer<UInt8>, count: Int)? {
        guard let entry = entries[part] else { return nil }
        let location = SourceLocation(file: "\(path):\(part)")
        let declared = entry.uncompressedSize
        guard declared <= UInt64(limits.maxPartBytes) else {
            throw SpreadsheetError(
                .limitExceeded, at: location,
                "the part declares \(declared) bytes uncompressed; the limit is \(limits.maxPartBytes)")
        }
        guard totalBytes + Int(declared) <= limits.maxTotalBytes else {
            throw totalExceeded(location)
        }
        // The declared size may lie: the cap is on what decompression really produces.
        let cap = min(limits.maxPartBytes, limits.maxTotalBytes - totalBytes)
        let contents: (buffer: UnsafeMutablePointer<UInt8>, count: Int)
        do {
            contents = try directory.contents(of: entry, maxBytes: max(cap, 1))
        } catch {
            limits.counters?.addInflated(error.produced)
            switch error.kind {
            case .tooLarge where cap < limits.maxPartBytes:
                throw totalExceeded(location)
            case .tooLarge:
                throw SpreadsheetError(.limitExceeded, at: location, "the part expands beyond \(limits.maxPartBytes) bytes")
            case .noMemory:
                throw SpreadsheetError(.limitExceeded, at: location, "out of memory while extracting the part")
            case .unsupported:
                throw SpreadsheetError(.unsupportedFormat, at: location, "the part cannot be read: \(error.message)")
            case .damaged, .tooManyEntries:
                throw SpreadsheetError(.malformed, at: location, "the part cannot be decompressed (damaged archive)")
            }
        }
        totalBytes += contents.count
        limits.counters?.addInflated(contents.count)
        return contents
    }

    private func totalExceeded(_ location: SourceLocation) -> SpreadsheetError {
        SpreadsheetError(
            .limitExceeded, at: location,
            "the archive expands beyond \(limits.maxTotalBytes) bytes in total")
    }
}
