import Foundation

/// A length of time a text states ("within 24 hours", "at least 12 months", "every 90 days"), in
/// hours, with the way a question bounds it. Hand-written rather than a date parser: only numbers
/// followed by a unit of time matter here, and both sides are compared as plain durations.
package struct TimeBound: Sendable, Hashable {
    /// Whether the stated time is a ceiling ("within", "or less"), a floor ("at least", "minimum")
    /// or neither (a plain figure, "every 90 days").
    package enum Direction: Sendable, Hashable {
        case atMost, atLeast, exactly
    }

    package var hours: Double
    package var direction: Direction
    /// The words as written ("24 hours"), for the reviewer.
    package var written: String

    /// Whether `stated`, a time an answer gives, settles this bound a question asks about: the same
    /// duration, or one inside the bound (48 hours answers "within 72 hours"; 13 months answers
    /// "at least 12 months").
    package func isMet(by stated: TimeBound) -> Bool {
        switch direction {
        case .exactly: stated.hours == hours
        case .atMost: stated.hours <= hours
        case .atLeast: stated.hours >= hours
        }
    }

    /// The times `text` states, in order.
    package static func find(in text: String) -> [TimeBound] {
        let words = TextAnalyzer.rawWords(text)
        var found: [TimeBound] = []
        for (index, word) in words.enumerated() where index > 0 {
            guard let unit = units[word] ?? units[String(word.dropLast())],
                let number = Double(words[index - 1]) ?? numberWords[words[index - 1]]
            else { continue }
            var lead = Array(words[max(0, index - 5)..<(index - 1)])
            let after = words[(index + 1)..<min(words.count, index + 3)].joined(separator: " ")
            // "every 90 days" is an interval: "at least every 90 days" is at most 90 days apart.
            let interval = ["every", "each"].contains(lead.last ?? "")
            if interval { lead.removeLast() }
            let before = lead.joined(separator: " ")
            var direction = Direction.exactly
            if ceilings.contains(where: before.hasSuffix) || ["or less", "or fewer", "or sooner"].contains(where: after.hasPrefix) {
                direction = .atMost
            } else if floors.contains(where: before.hasSuffix) || ["or more", "or longer"].contains(where: after.hasPrefix) {
                direction = interval ? .atMost : .atLeast
            }
            found.append(TimeBound(hours: number * unit, direction: direction, written: "\(words[index - 1]) \(word)"))
        }
        return found
    }

    /// Hours in each unit (a month as a twelfth of a year).
    private static let units: [String: Double] = [
        "minute": 1.0 / 60, "hour": 1, "day": 24, "week": 168, "month": 730, "year": 8_760,
    ]
    private static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "twelve": 12, "fourteen": 14, "fifteen": 15, "thirty": 30, "sixty": 60, "ninety": 90,
    ]
    private static let ceilings = ["within", "at most", "no later than", "no more than", "up to", "under", "less than"]
    private static let floors = ["at least", "minimum of", "no less than", "more than", "over"]
}
