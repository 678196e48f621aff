import Foundation
import ResponderModel

/// Finds framework references quoted in a question: external IDs mapped through the crosswalks
/// (`NIST AI RMF GOVERN 1.6`, `EU AI Act Art. 14`, `ISO 27001 A.5.19`) and catalogue refs quoted
/// directly: ISO 42001's (`A.6.2.8`, `clause 9.3`), ISO 27001's when the question names 27001
/// (`ISO 27001 A.8.24`), SOC 2's (`CC6.1`).
package struct ReferenceFinder: Sendable {
    /// What a question quoted.
    package struct Found: Sendable {
        package var crosswalkEntries: [CrosswalkEntry] = []
        package var directRefs: [ControlRef] = []
        package var frameworks: [String] = []
    }

    private struct Pattern: Sendable {
        var tokens: [String]
        var entry: CrosswalkEntry
        /// Whether the ID alone is distinctive enough without the framework being named.
        var standsAlone: Bool
    }

    private let patterns: [Pattern]
    private let aliases: [(tokens: [String], framework: String)]
    /// Per framework, an ID's tokens joined by space (`a 5 2`) to the ID.
    private let catalogueIDs: [FrameworkCode: [String: String]]

    package init(crosswalks: [Crosswalk], catalogue: [CatalogueEntry]) {
        var patterns: [Pattern] = []
        var aliases: [(tokens: [String], framework: String)] = []
        for crosswalk in crosswalks {
            for alias in crosswalk.aliases + [crosswalk.framework] {
                let tokens = ReferenceFinder.tokens(alias)
                if !tokens.isEmpty { aliases.append((tokens, crosswalk.framework)) }
            }
            for entry in crosswalk.entries {
                let tokens = ReferenceFinder.tokens(entry.id)
                guard !tokens.isEmpty else { continue }
                let standsAlone = ["govern", "map", "measure", "manage"].contains(tokens[0]) && tokens.count >= 3
                patterns.append(Pattern(tokens: tokens, entry: entry, standsAlone: standsAlone))
            }
        }
        patterns.sort { ($0.tokens.count, $0.entry.reference) > ($1.tokens.count, $1.entry.reference) }
        self.patterns = patterns
        self.aliases = aliases.sorted { ($0.tokens.count, $0.framework) > ($1.tokens.count, $1.framework) }
        var catalogueIDs: [FrameworkCode: [String: String]] = [:]
        for entry in catalogue {
            catalogueIDs[entry.framework, default: [:]][ReferenceFinder.tokens(entry.id).joined(separator: " ")] = entry.id
        }
        self.catalogueIDs = catalogueIDs
    }

    /// Lower-cased word tokens with the framework shorthands spelled out (`GV-1.1` -> `govern 1 1`,
    /// `Article 14` -> `art 14`).
    static func tokens(_ text: String) -> [String] {
        TextAnalyzer.rawWords(text).map { word in
            switch word {
            case "article", "articles", "arts": "art"
            case "gv": "govern"
            case "mp": "map"
            case "ms": "measure"
            case "mg": "manage"
            default: word
            }
        }
    }

    package func find(in text: String) -> Found {
        let words = ReferenceFinder.tokens(text)
        var found = Found()
        for alias in aliases where contains(words, alias.tokens) && !found.frameworks.contains(alias.framework) {
            found.frameworks.append(alias.framework)
        }
        var used = Set<Int>()
        for pattern in patterns where pattern.standsAlone || found.frameworks.contains(pattern.entry.framework) {
            guard let start = firstIndex(of: pattern.tokens, in: words, avoiding: used) else { continue }
            // "Art. 5" must not match inside "Art. 50".
            let end = start + pattern.tokens.count
            if end < words.count, words[end].allSatisfy(\.isNumber), pattern.tokens.last?.allSatisfy(\.isNumber) == true {
                continue
            }
            used.formUnion(start..<end)
            found.crosswalkEntries.append(pattern.entry)
        }
        let mentions27001 = found.frameworks.contains { $0.contains("27001") } || words.contains("27001")
        let mentionsSOC2 = words.contains("soc2") || zip(words, words.dropFirst()).contains { $0 == "soc" && $1 == "2" }
        // A bare `A.5.2` is ISO 42001's unless the question speaks of 27001.
        let annexFramework: FrameworkCode = mentions27001 ? .iso27001 : .iso42001
        func add(_ framework: FrameworkCode, _ id: String) {
            let ref = ControlRef(framework, id)
            if !found.directRefs.contains(ref) { found.directRefs.append(ref) }
        }
        for index in words.indices where !used.contains(index) {
            if words[index] == "a", let ids = catalogueIDs[annexFramework] {
                for length in stride(from: 4, through: 2, by: -1) where index + length < words.count {
                    if let id = ids[words[index...(index + length)].joined(separator: " ")] {
                        add(annexFramework, id)
                        break
                    }
                }
            } else if words[index] == "clause" || words[index] == "42001" || words[index] == "27001" {
                let framework: FrameworkCode = words[index] == "42001" ? .iso42001 : words[index] == "27001" ? .iso27001 : annexFramework
                guard let ids = catalogueIDs[framework] else { continue }
                for length in stride(from: 3, through: 1, by: -1) where index + length < words.count {
                    if let id = ids[words[(index + 1)...(index + length)].joined(separator: " ")] {
                        add(framework, id)
                        break
                    }
                }
            } else if words[index].hasPrefix("cc") || mentionsSOC2, let ids = catalogueIDs[.soc2] {
                for length in stride(from: 2, through: 1, by: -1) where index + length < words.count {
                    if let id = ids[words[index...(index + length)].joined(separator: " ")] {
                        add(.soc2, id)
                        break
                    }
                }
            }
        }
        return found
    }

    private func contains(_ words: [String], _ tokens: [String]) -> Bool {
        firstIndex(of: tokens, in: words, avoiding: []) != nil
    }

    private func firstIndex(of tokens: [String], in words: [String], avoiding used: Set<Int>) -> Int? {
        guard !tokens.isEmpty, tokens.count <= words.count else { return nil }
        for start in 0...(words.count - tokens.count) where words[start] == tokens[0] {
            if Array(words[start..<(start + tokens.count)]) == tokens, used.isDisjoint(with: start..<(start + tokens.count)) {
                return start
            }
        }
        return nil
    }
}
