import CZipInflate
import Foundation

/// Reads a ZIP archive (APPNOTE 6.3.10): the central directory, with ZIP64 sizes and offsets, and
/// the bytes of stored or deflated entries.
///
/// Written here rather than read through ZIPFoundation (which still writes our archives): its
/// extraction loops forever on Linux when a deflated entry's stream does not end inside the entry,
/// which a fuzzer found within minutes. Every read here is checked against the file's bounds and
/// every entry's output against a cap, so any byte sequence ends in entries or a ``ZipFormatError``.
/// The file is memory-mapped, so only the bytes actually read are loaded.
final class ZipDirectory {
    /// Entries in central-directory order.
    let entries: [ZipEntry]
    private let bytes: Data

    /// - Throws: ``ZipFormatError`` when there is no end-of-central-directory record or the
    ///   directory it points at is damaged; file-system errors when the file cannot be mapped.
    init(url: URL, maxEntries: Int) throws {
        bytes = try Data(contentsOf: url, options: .alwaysMapped)
        entries = try Self.readEntries(bytes, maxEntries: maxEntries)
    }

    /// The uncompressed bytes of `entry`, in a buffer from `malloc` that the caller frees with
    /// `free` (or hands to `XMLStreamReader(takingBuffer:)`).
    /// - Parameter maxBytes: the most the entry may expand to, whatever it declares; above zero.
    /// - Throws: ``ZipFormatError``; `.tooLarge` when the entry expands beyond `maxBytes`.
    func contents(of entry: ZipEntry, maxBytes: Int) throws(ZipFormatError) -> (buffer: UnsafeMutablePointer<UInt8>, count: Int) {
        guard !entry.isEncrypted else { throw ZipFormatError(.unsupported, "the entry is encrypted") }
        let header = try Self.offset(entry.localHeaderOffset, in: bytes)
        guard Self.uint32(bytes, at: header) == 0x0403_4B50, let nameLength = Self.uint16(bytes, at: header + 26),
            let extraLength = Self.uint16(bytes, at: header + 28)
        else {
            throw ZipFormatError(.damaged, "the entry's local header is missing or damaged")
        }
        let start = header + 30 + Int(nameLength) + Int(extraLength)
        guard entry.compressedSize <= UInt64(bytes.count), start <= bytes.count - Int(entry.compressedSize) else {
            throw ZipFormatError(.damaged, "the entry's data runs past the end of the file")
        }
        let length = Int(entry.compressedSize)
        switch entry.method {
        case 0:
            guard length <= maxBytes else { throw ZipFormatError(.tooLarge, "the entry holds \(length) bytes") }
            guard let buffer = malloc(max(length, 1))?.assumingMemoryBound(to: UInt8.self) else {
                throw ZipFormatError(.noMemory, "out of memory")
            }
            bytes.withUnsafeBytes { raw in
                buffer.initialize(from: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + start, count: length)
            }
            return (buffer, length)
        case 8:
            var output: UnsafeMutablePointer<UInt8>?
            var count = 0
            let hint = Int(min(entry.uncompressedSize, UInt64(maxBytes)))
            let status = bytes.withUnsafeBytes { raw in
                rsp_inflate_raw(raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + start, length, hint, maxBytes, &output, &count)
            }
            switch Int(status) {
            case Int(RSP_INFLATE_OK):
                guard let output else { throw ZipFormatError(.noMemory, "out of memory") }
                return (output, count)
            case Int(RSP_INFLATE_TOO_LARGE):
                throw ZipFormatError(.tooLarge, "the entry expands beyond \(maxBytes) bytes", produced: count)
            case Int(RSP_INFLATE_NO_MEMORY):
                throw ZipFormatError(.noMemory, "out of memory while decompressing the entry")
            default:
                throw ZipFormatError(.damaged, "the entry's compressed data is damaged or cut short")
            }
        default:
            throw ZipFormatError(.unsupported, "the entry uses compression method \(entry.method); only stored and deflated are read")
        }
    }

    // MARK: - Central directory

    private static func readEntries(_ bytes: Data, maxEntries: Int) throws -> [ZipEntry] {
        let end = try endOfCentralDirectory(bytes)
        var (count, size, start) = (
            UInt64(uint16(bytes, at: end + 10) ?? 0), UInt64(uint32(bytes, at: end + 12) ?? 0),
            UInt64(uint32(bytes, at: end + 16) ?? 0)
        )
        if count == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
            guard end >= 20, uint32(bytes, at: end - 20) == 0x0706_4B50, let recordOffset = uint64(bytes, at: end - 12) else {
                throw ZipFormatError(.damaged, "the ZIP64 end-of-central-directory locator is missing")
            }
            let record = try offset(recordOffset, in: bytes)
            guard uint32(bytes, at: record) == 0x0606_4B50, let entries = uint64(bytes, at: record + 32),
                let directorySize = uint64(bytes, at: record + 40), let directoryStart = uint64(bytes, at: record + 48)
            else {
                throw ZipFormatError(.damaged, "the ZIP64 end-of-central-directory record is damaged")
            }
            (count, size, start) = (entries, directorySize, directoryStart)
        }
        guard count <= UInt64(maxEntries) else { throw ZipFormatError(.tooManyEntries, "the archive has more than \(maxEntries) entries") }
        guard size <= UInt64(bytes.count), start <= UInt64(bytes.count) - size else {
            throw ZipFormatError(.damaged, "the central directory runs past the end of the file")
        }
        var position = Int(start)
        let limit = Int(start + size)
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard position + 46 <= limit, uint32(bytes, at: position) == 0x0201_4B50,
                let flags = uint16(bytes, at: position + 8), let method = uint16(bytes, at: position + 10),
                let time = uint16(bytes, at: position + 12), let date = uint16(bytes, at: position + 14),
                let compressed = uint32(bytes, at: position + 20), let uncompressed = uint32(bytes, at: position + 24),
                let nameLength = uint16(bytes, at: position + 28), let extraLength = uint16(bytes, at: position + 30),
                let commentLength = uint16(bytes, at: position + 32), let localOffset = uint32(bytes, at: position + 42)
            else {
                throw ZipFormatError(.damaged, "the central directory is damaged at entry \(entries.count + 1)")
            }
            let nameStart = position + 46
            let extraStart = nameStart + Int(nameLength)
            let next = extraStart + Int(extraLength) + Int(commentLength)
            guard next <= limit else { throw ZipFormatError(.damaged, "the central directory is damaged at entry \(entries.count + 1)") }
            var entry = ZipEntry(
                name: String(decoding: bytes[nameStart..<extraStart], as: UTF8.self), method: method, flags: flags,
                compressedSize: UInt64(compressed), uncompressedSize: UInt64(uncompressed),
                localHeaderOffset: UInt64(localOffset), dosDate: date, dosTime: time)
            try applyZIP64Fields(bytes, extra: extraStart..<extraStart + Int(extraLength), to: &entry)
            entries.append(entry)
            position = next
        }
        return entries
    }

    /// The end-of-central-directory record: the last signature in the final 64 KiB + 22 bytes
    /// whose record fits in the file.
    private static func endOfCentralDirectory(_ bytes: Data) throws -> Int {
        guard bytes.count >= 22 else { throw ZipFormatError(.damaged, "the file is too short to be a ZIP archive") }
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while position >= lowest {
            if uint32(bytes, at: position) == 0x0605_4B50 { return position }
            position -= 1
        }
        throw ZipFormatError(.damaged, "no end-of-central-directory record (damaged or truncated file)")
    }

    /// Replaces 0xFFFFFFFF sizes and offset with their 64-bit values from the ZIP64 extra field
    /// (header 0x0001), which lists only the fields that overflowed, in this order.
    private static func applyZIP64Fields(_ bytes: Data, extra: Range<Int>, to entry: inout ZipEntry) throws {
        var position = extra.lowerBound
        while position + 4 <= extra.upperBound, let id = uint16(bytes, at: position), let length = uint16(bytes, at: position + 2) {
            let body = position + 4
            guard body + Int(length) <= extra.upperBound else { break }
            if id == 0x0001 {
                var field = body
                func next() throws -> UInt64 {
                    guard field + 8 <= body + Int(length), let value = uint64(bytes, at: field) else {
                        throw ZipFormatError(.damaged, "the ZIP64 extra field of '\(entry.name)' is too short")
                    }
                    field += 8
                    return value
                }
                if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = try next() }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try next() }
                if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = try next() }
                return
            }
            position = body + Int(length)
        }
    }

    // MARK: - Little-endian fields, nil past the end

    private static func offset(_ value: UInt64, in bytes: Data) throws(ZipFormatError) -> Int {
        guard value < UInt64(bytes.count) else { throw ZipFormatError(.damaged, "an offset points past the end of the file") }
        return Int(value)
    }

    private static func uint16(_ bytes: Data, at offset: Int) -> UInt16? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        let base = bytes.startIndex + offset
        return UInt16(bytes[base]) | UInt16(bytes[base + 1]) << 8
    }

    private static func uint32(_ bytes: Data, at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= bytes.count - 4 else { return nil }
        let base = bytes.startIndex + offset
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[base + $1]) << (8 * $1) }
    }

    private static func uint64(_ bytes: Data, at offset: Int) -> UInt64? {
        guard offset >= 0, offset <= bytes.count - 8 else { return nil }
        let base = bytes.startIndex + offset
        return (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[base + $1]) << (8 * $1) }
    }
}
