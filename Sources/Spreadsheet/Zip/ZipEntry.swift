import Foundation

/// One file in a ZIP archive's central directory (APPNOTE 6.3.10, section 4.3.12).
struct ZipEntry: Sendable, Hashable {
    /// The entry name as stored (UTF-8, or CP437 read as UTF-8: OOXML part names are ASCII).
    var name: String
    /// 0 stored, 8 deflated; anything else is refused when the entry is read.
    var method: UInt16
    /// General-purpose flags; bit 0 means encrypted.
    var flags: UInt16
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    /// Where the entry's local file header starts.
    var localHeaderOffset: UInt64
    /// MS-DOS date and time, as stored.
    var dosDate: UInt16
    var dosTime: UInt16

    /// True for directory entries (`xl/media/`), which hold no part.
    var isDirectory: Bool { name.hasSuffix("/") }

    var isEncrypted: Bool { flags & 1 != 0 }

    /// The modification time, read as UTC the way ZIPFoundation writes it, so a part copied
    /// through `ZipPartWriter` keeps its stored date and time.
    var modificationDate: Date {
        var fields = tm()
        fields.tm_sec = Int32(dosTime & 0x1F) * 2
        fields.tm_min = Int32((dosTime >> 5) & 0x3F)
        fields.tm_hour = Int32(dosTime >> 11)
        fields.tm_mday = Int32(dosDate & 0x1F)
        fields.tm_mon = Int32((dosDate >> 5) & 0x0F) - 1
        fields.tm_year = Int32(dosDate >> 9) + 80
        return Date(timeIntervalSince1970: TimeInterval(timegm(&fields)))
    }
}
