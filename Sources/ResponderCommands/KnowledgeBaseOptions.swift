import ArgumentParser
import Foundation
import KnowledgeBase
import ResponderModel

/// Where the knowledge base lives and the date it is judged against; shared by every command that
/// reads it.
struct KnowledgeBaseOptions: ParsableArguments {
    @Option(name: .long, help: "The organisation's knowledge-base folder.")
    var kb: String = "."

    @Option(name: .long, help: "The mappings folder (catalogue, crosswalks, thesaurus); default: Mappings/ beside the executable or in the current directory.")
    var mappings: String?

    @Option(name: .long, help: "The SQLite store; default: <kb>/.responder/store.sqlite.")
    var db: String?

    @Option(name: .customLong("as-of"), help: "Judge stale evidence and overdue assessments as of this date (YYYY-MM-DD); default: today.")
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'")
        }
    }

    /// The `--as-of` date, or today's (UTC).
    var asOfDate: String {
        if let asOf { return asOf }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    var mappingsFolder: URL {
        if let mappings { return URL(fileURLWithPath: mappings) }
        return ResourceLocator.find("Mappings") ?? URL(fileURLWithPath: "Mappings")
    }

    /// Loads the mappings and the organisation folder.
    func load() throws -> KnowledgeBaseLoader.Result {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: kb, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--kb \(kb) is not a folder")
        }
        return KnowledgeBaseLoader.load(mappings: mappingsFolder.path, organisation: kb)
    }

    /// The store path: `--db`, or `<kb>/.responder/store.sqlite`.
    var storePath: String {
        db ?? (URL(fileURLWithPath: kb).appendingPathComponent(".responder/store.sqlite").path)
    }

    /// Opens the SQLite store (creating it when missing).
    func openStore() throws -> KnowledgeBaseStore {
        do {
            return try KnowledgeBaseStore(path: storePath)
        } catch {
            throw ValidationError("cannot open the store \(storePath): \(error)")
        }
    }

    /// Brings the store in step with the loaded content (rebuilt only when the version changed).
    /// - Returns: whether it was rebuilt.
    func synchronise(_ store: KnowledgeBaseStore, with content: KnowledgeBaseContent) throws -> Bool {
        do {
            return try store.synchronise(with: content)
        } catch {
            throw ValidationError("cannot update the knowledge-base store \(storePath): \(error)")
        }
    }
}
