import Foundation

/// Times stored in the store (run creation, decisions): ISO 8601 in UTC to the millisecond, so runs
/// drafted in one second keep their order. Every front end stamps decisions with it.
public enum Timestamp {
    /// The current time, ISO 8601 UTC with milliseconds.
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
