import Foundation

/// Times stored in the store (run creation, decisions): ISO 8601 in UTC to the millisecond, so runs drafted in one second keep their order.
enum Timestamp {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
