import ArgumentParser
import Foundation
import KnowledgeBase

/// `--as-of`, for the commands that judge evidence and assessments by date (`draft`, `kb check`).
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Judge stale evidence and overdue assessments as of this date (YYYY-MM-DD); default: today.")
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'")
        }
    }

    /// The `--as-of` date, or today's (UTC).
    var date: String {
        if let asOf { return asOf }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
