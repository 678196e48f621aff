/// Size and count caps that keep a hostile or broken file from exhausting memory.
struct ReadLimits: Sendable {
    /// Largest CSV file read, in bytes.
    var maxCSVFileBytes = 512 << 20
    /// Largest single CSV field, in bytes.
    var maxCSVFieldBytes = 16 << 20
    /// Largest XLSX file on disk, in bytes.
    var maxArchiveFileBytes = 1 << 30
    /// Largest uncompressed size of one part inside an XLSX archive, in bytes.
    var maxPartBytes = 256 << 20
    /// Largest total uncompressed size of all parts read from one archive, in bytes.
    var maxTotalBytes = 1 << 30
    /// Most entries an archive may list.
    var maxEntries = 10_000
    /// Most cells one worksheet row may hold.
    var maxCellsPerRow = CellAddress.maxColumn
    /// Most cells one worksheet may hold.
    var maxCellsPerSheet = 20_000_000

    /// Where to count the work a read did, for tests that check a cap held; nil counts nothing.
    var counters: ReadCounters?

    static let standard = ReadLimits()
}
