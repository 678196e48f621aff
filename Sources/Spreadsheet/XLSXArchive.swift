import CXMLReader
import Foundation
import ResponderModel
import ZIPFoundation

/// A ZIP archive opened read-only, whose parts are extracted under size caps.
///
/// Entry names with `..` components or absolute paths are refused outright. Each part's declared
/// uncompressed size is checked before extraction and the bytes actually produced are counted while
/// extracting, so a lying header cannot smuggle a zip bomb past the caps.
final class XLSXArchive {
    private let archive: Archive
    private let path: String
    private let limits: ReadLimits
    private var entries: [String: Entry] = [:]
    private var totalBytes = 0

    /// The names of all entries, as stored.
    let entryNames: Set<String>

    /// - Throws: ``SpreadsheetError`` `.malformed` when the file is not a readable ZIP or has unsafe
    ///   entry names, `.limitExceeded` when it has too many entries.
    init(url: URL, path: String, limits: ReadLimits) throws(SpreadsheetError) {
        self.path = path
        self.limits = limits
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SpreadsheetError(.malformed, at: SourceLocation(file: path), "the ZIP archive cannot be opened (damaged or truncated file)")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard entries.count < limits.maxEntries else {
                throw SpreadsheetError(.limitExceeded, at: SourceLocation(file: path),
                                       "the archive has more than \(limits.maxEntries) entries")
            }
            let name = entry.path
            if name.hasPrefix("/") || name.hasPrefix("\\") || name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
                throw SpreadsheetError(.malformed, at: SourceLocation(file: path), "the archive has an unsafe entry name '\(name)'")
            }
            if entry.type == .file { entries[name] = entry }
        }
        self.entries = entries
        entryNames = Set(entries.keys)
    }

    func contains(_ part: String) -> Bool { entries[part] != nil }

    /// The uncompressed bytes of a part, or nil when the archive has no such part, in a buffer from
    /// `rsp_xml_buffer_resize` that the caller owns (XMLStreamReader takes it over without a copy).
    /// - Throws: ``SpreadsheetError`` `.limitExceeded` past the per-part or total cap, `.malformed`
    ///   when the entry cannot be decompressed.
    func bytes(of part: String) throws(SpreadsheetError) -> (buffer: UnsafeMutablePointer<UInt8>, count: Int)? {
        guard let entry = entries[part] else { return nil }
        let location = SourceLocation(file: "\(path):\(part)")
        let declared = entry.uncompressedSize
        guard declared <= UInt64(limits.maxPartBytes) else {
            throw SpreadsheetError(.limitExceeded, at: location,
                                   "the part declares \(declared) bytes uncompressed; the limit is \(limits.maxPartBytes)")
        }
        guard totalBytes + Int(declared) <= limits.maxTotalBytes else {
            throw totalExceeded(location)
        }
        var capacity = Int(declared)
        // nil only after a failed resize, which frees the buffer.
        var buffer: UnsafeMutablePointer<UInt8>? = rsp_xml_buffer_resize(nil, capacity)
        guard buffer != nil else { throw outOfMemory(location) }
        var count = 0
        var failure: SpreadsheetError?
        do {
            // This overload only returns the CRC-32 (it never compares it), so computing it was wasted time.
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                // The declared size may lie: count what decompression really produces.
                if count + chunk.count > self.limits.maxPartBytes {
                    failure = SpreadsheetError(.limitExceeded, at: location,
                                               "the part expands beyond \(self.limits.maxPartBytes) bytes")
                } else if self.totalBytes + count + chunk.count > self.limits.maxTotalBytes {
                    failure = self.totalExceeded(location)
                } else if count + chunk.count > capacity {
                    capacity = max(count + chunk.count, capacity * 2)
                    buffer = rsp_xml_buffer_resize(buffer, capacity)
                    if buffer == nil { failure = self.outOfMemory(location) }
                }
                if failure != nil { throw CocoaError(.fileReadTooLarge) }
                chunk.withUnsafeBytes { bytes in
                    guard let base = bytes.baseAddress, let buffer else { return }
                    (buffer + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
                }
                count += chunk.count
            }
        } catch {
            rsp_xml_buffer_free(buffer)
            if let failure { throw failure }
            throw SpreadsheetError(.malformed, at: location, "the part cannot be decompressed (damaged archive)")
        }
        totalBytes += count
        guard let buffer else { throw outOfMemory(location) }
        return (buffer, count)
    }

    private func outOfMemory(_ location: SourceLocation) -> SpreadsheetError {
        SpreadsheetError(.limitExceeded, at: location, "out of memory while extracting the part")
    }

    private func totalExceeded(_ location: SourceLocation) -> SpreadsheetError {
        SpreadsheetError(.limitExceeded, at: location,
                         "the archive expands beyond \(limits.maxTotalBytes) bytes in total")
    }
}
