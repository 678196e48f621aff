import Foundation
import ResponderModel
import ZIPFoundation

/// Writes a list of parts as a new ZIP archive, atomically: the archive is built in a temporary
/// file in the destination folder and renamed over the destination only once complete, so a
/// failure never leaves a half-written file behind.
enum ZipPartWriter {
    struct Part {
        var path: String
        var data: Data
        var modificationDate: Date
    }

    /// - Throws: ``XLSXWriteError`` `.io` when the archive cannot be created or renamed into place.
    static func write(_ parts: [Part], to destination: URL) throws(XLSXWriteError) {
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        let location = SourceLocation(file: destination.path)
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            for part in parts {
                let data = part.data
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: part.modificationDate, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw XLSXWriteError(.io, at: location, "cannot write the archive: \(error)")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw XLSXWriteError(.io, at: location, "cannot move the new file into place: \(reason)")
        }
    }
}
