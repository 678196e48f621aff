import Foundation
import ResponderModel
import ZIPFoundation

/// Writes a list of parts as a new ZIP archive, atomically (``AtomicFile``): the archive is built in
/// a temporary file beside the destination and renamed over it only once complete, so a failure
/// never leaves a half-written file behind, and a stale temporary file from a killed run is removed.
enum ZipPartWriter {
    struct Part {
        var path: String
        var data: Data
        var modificationDate: Date
    }

    /// - Throws: ``XLSXWriteError`` `.io` when the archive cannot be created or renamed into place.
    static func write(_ parts: [Part], to destination: URL) throws(XLSXWriteError) {
        let temporary = AtomicFile.temporaryFile(for: destination)
        let location = SourceLocation(file: destination.path)
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            for part in parts {
                let data = part.data
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: part.modificationDate, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw XLSXWriteError(.io, at: location, "cannot write the archive: \(error)")
        }
        do {
            try AtomicFile.moveIntoPlace(temporary, destination)
        } catch {
            throw XLSXWriteError(.io, at: location, error.localizedDescription)
        }
    }
}
