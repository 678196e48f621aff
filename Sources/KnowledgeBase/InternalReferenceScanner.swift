import ResponderModel

/// Finds internal evidence named in an answer text: an internal item's ID, its title or its
/// location. Every answer text that leaves the tool (a library or learned answer reused in a draft,
/// a reviewer's edit) is scanned with it, and `kb check` warns on library answers it finds.
///
/// Texts and names are compared as sequences of words (letters and digits; punctuation and spacing
/// do not matter), so `EV-021` is found as `ev 021` and a location with its scheme dropped. IDs and
/// locations are compared ignoring case. Titles of two or more words are compared with their case,
/// so the document's proper name ("Acceptable Use Policy") is found while the same words used as a
/// plain phrase ("an acceptable use policy") are not. Scanning is linear in the text's length.
public struct InternalReferenceScanner: Sendable {
    /// One internal item named in a text, and how.
    public struct Hit: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable {
            case id = "ID", title, location
        }

        public var evidenceID: String
        public var kind: Kind
        /// The ID, title or location as the evidence register spells it.
        public var name: String

        public var description: String {
            kind == .id ? evidenceID : "\(evidenceID) (its \(kind.rawValue) '\(name)')"
        }
    }

    private struct Needle: Sendable {
        var words: [String]
        var matchesCase: Bool
        var hit: Hit
    }

    /// Needles by their first word, lower-cased.
    private let needles: [String: [Needle]]

    /// Scans for the items of `evidence` whose confidentiality is internal.
    public init(evidence: [EvidenceItem]) {
        var needles: [String: [Needle]] = [:]
        func add(_ text: String, _ kind: Hit.Kind, of item: EvidenceItem, matchesCase: Bool, minimumWords: Int) {
            var words = Self.words(text)
            if kind == .location, let scheme = words.first?.lowercased(), ["http", "https", "file", "ftp", "smb"].contains(scheme) {
                words.removeFirst()
            }
            guard words.count >= minimumWords, let first = words.first else { return }
            let needle = Needle(
                words: matchesCase ? words : words.map { $0.lowercased() }, matchesCase: matchesCase,
                hit: Hit(evidenceID: item.id, kind: kind, name: text))
            needles[first.lowercased(), default: []].append(needle)
        }
        for item in evidence where item.confidentiality == .internal {
            add(item.id, .id, of: item, matchesCase: false, minimumWords: 1)
            add(item.title, .title, of: item, matchesCase: true, minimumWords: 2)
            add(item.location, .location, of: item, matchesCase: false, minimumWords: 2)
        }
        self.needles = needles
    }

    /// Whether there is no internal evidence to look for.
    public var isEmpty: Bool { needles.isEmpty }

    /// The internal items `text` names, each once per way it is named, in the order of the register's IDs.
    public func hits(in text: String) -> [Hit] {
        guard !needles.isEmpty else { return [] }
        let words = Self.words(text)
        let lowered = words.map { $0.lowercased() }
        var found = Set<Hit>()
        for start in words.indices {
            for needle in needles[lowered[start]] ?? [] where needle.words.count <= words.count - start && !found.contains(needle.hit) {
                let source = needle.matchesCase ? words : lowered
                if source[start..<(start + needle.words.count)].elementsEqual(needle.words) { found.insert(needle.hit) }
            }
        }
        return found.sorted { ($0.evidenceID, $0.kind.rawValue) < ($1.evidenceID, $1.kind.rawValue) }
    }

    /// The runs of letters and digits of `text`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}
