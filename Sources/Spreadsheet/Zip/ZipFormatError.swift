/// Why a ZIP archive or one of its entries cannot be read; callers add the file and part.
struct ZipFormatError: Error, Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Structure or compressed data is damaged, cut short or points outside the file.
        case damaged
        /// Encrypted entries, or compression other than stored and deflated.
        case unsupported
        /// An entry expands beyond the cap it was read with.
        case tooLarge
        case tooManyEntries
        case noMemory
    }

    var kind: Kind
    var message: String
    /// The bytes decompression produced before it stopped (for `.tooLarge`: at most the cap plus one).
    var produced: Int

    init(_ kind: Kind, _ message: String, produced: Int = 0) {
        self.kind = kind
        self.message = message
        self.produced = produced
    }
}
