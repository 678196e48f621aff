/// The Porter (1980) suffix-stripping stemmer, so "assessments", "assessed" and "assessing" meet.
/// Written here rather than taken from a package: none on the machine's mirror offers it, and the
/// algorithm is short and fully specified.
enum PorterStemmer {
    /// Longest word stemmed; a longer token is no English word, and the rules' measure (and the
    /// `y` test, which looks back letter by letter) grow with its length.
    static let longestStemmedWord = 40

    static func stem(_ word: String) -> String {
        guard (3...longestStemmedWord).contains(word.utf8.count), word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return word }
        var w = Array(word.utf8)
        step1a(&w)
        step1b(&w)
        step1c(&w)
        step2(&w)
        step3(&w)
        step4(&w)
        step5(&w)
        return String(decoding: w, as: UTF8.self)
    }

    private static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        switch w[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
        case UInt8(ascii: "y"): return i == 0 ? true : !isConsonant(w, i - 1)
        default: return true
        }
    }

    /// The number of vowel-consonant sequences in `w[0..<end]`.
    private static func measure(_ w: [UInt8], _ end: Int) -> Int {
        var count = 0
        var i = 0
        while i < end && isConsonant(w, i) { i += 1 }
        while i < end {
            while i < end && !isConsonant(w, i) { i += 1 }
            if i >= end { break }
            while i < end && isConsonant(w, i) { i += 1 }
            count += 1
        }
        return count
    }

    private static func hasVowel(_ w: [UInt8], _ end: Int) -> Bool {
        (0..<end).contains { !isConsonant(w, $0) }
    }

    private static func endsWithDoubleConsonant(_ w: [UInt8], _ end: Int) -> Bool {
        end >= 2 && w[end - 1] == w[end - 2] && isConsonant(w, end - 1)
    }

    /// consonant-vowel-consonant ending, the last not w, x or y.
    private static func endsCVC(_ w: [UInt8], _ end: Int) -> Bool {
        guard end >= 3, isConsonant(w, end - 1), !isConsonant(w, end - 2), isConsonant(w, end - 3) else { return false }
        let last = w[end - 1]
        return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "y")
    }

    private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return w.count >= s.count && Array(w[(w.count - s.count)...]) == s
    }

    private static func replace(_ w: inout [UInt8], _ suffix: String, _ replacement: String) {
        w.removeLast(suffix.utf8.count)
        w.append(contentsOf: Array(replacement.utf8))
    }

    /// Replaces `suffix` when the stem before it has measure > `minimum`.
    @discardableResult
    private static func replaceIfMeasure(_ w: inout [UInt8], _ suffix: String, _ replacement: String, _ minimum: Int) -> Bool {
        guard ends(w, suffix) else { return false }
        if measure(w, w.count - suffix.utf8.count) > minimum { replace(&w, suffix, replacement) }
        return true
    }

    private static func step1a(_ w: inout [UInt8]) {
        if ends(w, "sses") { replace(&w, "sses", "ss") } else if ends(w, "ies") { replace(&w, "ies", "i") } else if ends(w, "ss") { return } else if ends(w, "s") { w.removeLast() }
    }

    private static func step1b(_ w: inout [UInt8]) {
        if ends(w, "eed") {
            if measure(w, w.count - 3) > 0 { w.removeLast() }
            return
        }
        var stripped = false
        for suffix in ["ed", "ing"] where ends(w, suffix) && hasVowel(w, w.count - suffix.utf8.count) {
            w.removeLast(suffix.utf8.count)
            stripped = true
            break
        }
        guard stripped else { return }
        if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
            w.append(UInt8(ascii: "e"))
        } else if endsWithDoubleConsonant(w, w.count), let last = w.last,
            ![UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "z")].contains(last)
        {
            w.removeLast()
        } else if measure(w, w.count) == 1 && endsCVC(w, w.count) {
            w.append(UInt8(ascii: "e"))
        }
    }

    private static func step1c(_ w: inout [UInt8]) {
        if ends(w, "y") && hasVowel(w, w.count - 1) { w[w.count - 1] = UInt8(ascii: "i") }
    }

    private static let step2Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ]

    private static func step2(_ w: inout [UInt8]) {
        for (suffix, replacement) in step2Rules where replaceIfMeasure(&w, suffix, replacement, 0) { return }
    }

    private static let step3Rules: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]

    private static func step3(_ w: inout [UInt8]) {
        for (suffix, replacement) in step3Rules where replaceIfMeasure(&w, suffix, replacement, 0) { return }
    }

    private static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
        "ism", "ate", "iti", "ous", "ive", "ize",
    ]

    private static func step4(_ w: inout [UInt8]) {
        for suffix in step4Suffixes where ends(w, suffix) {
            let stemEnd = w.count - suffix.utf8.count
            guard measure(w, stemEnd) > 1 else { return }
            if suffix == "ion" {
                guard stemEnd > 0, w[stemEnd - 1] == UInt8(ascii: "s") || w[stemEnd - 1] == UInt8(ascii: "t") else { return }
            }
            w.removeLast(suffix.utf8.count)
            return
        }
    }

    private static func step5(_ w: inout [UInt8]) {
        if ends(w, "e") {
            let m = measure(w, w.count - 1)
            if m > 1 || (m == 1 && !endsCVC(w, w.count - 1)) { w.removeLast() }
        }
        if ends(w, "ll") && measure(w, w.count) > 1 { w.removeLast() }
    }
}
