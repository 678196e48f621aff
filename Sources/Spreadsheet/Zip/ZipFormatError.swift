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

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
