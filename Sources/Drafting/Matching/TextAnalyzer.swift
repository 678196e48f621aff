import Foundation
import ResponderModel

/// Turns free text into matching terms: case and accents folded, punctuation and the trailing `*`
/// dropped, abbreviations expanded through the thesaurus, stop words removed, words stemmed, and a
/// concept term added for every thesaurus synonym group the text mentions.
package struct TextAnalyzer: Sendable {
    /// One analysed text: its stemmed word terms and the synonym concepts found in it.
    package struct Terms: Sendable {
        package var words: [String]
        package var concepts: [String]
        /// The thesaurus's predicate groups the text names (``PhraseGroupFinder``), set by the
        /// question matcher: what the text asserts of its nouns, which the terms do not weigh.
        package var predicates: Set<Int> = []
        /// Each word's weight, in `words`' order: 1, except for the words an abbreviation expands
        /// to, which share one unit between them. "AIMS" spelled out is four words; counted in
        /// full, any two texts that share the abbreviation look alike whatever else they ask.
        package var wordWeights: [Double]

        package init(words: [String], concepts: [String], wordWeights: [Double]? = nil) {
            self.words = words
            self.concepts = concepts
            self.wordWeights = wordWeights ?? Array(repeating: 1, count: words.count)
        }

        package var all: [String] { words + concepts }

        /// Every term with its weight (concepts weigh 1), for similarity vectors.
        package var weighted: [(term: String, weight: Double)] {
            weightedWords + concepts.map { (term: $0, weight: 1) }
        }

        /// The words alone with their weights (an abbreviation's expansion shares one word's weight).
        package var weightedWords: [(term: String, weight: Double)] {
            zip(words, wordWeights).map { (term: $0.0, weight: $0.1) }
        }
    }

    /// Stemmed token sequences of each synonym group's terms, keyed by their first token, longest
    /// first, with the concept term.
    private let phrases: [String: [(tokens: [String], concept: String)]]
    /// Lower-cased abbreviation to its expansion's raw words.
    private let abbreviations: [String: [String]]
    /// Known words; an unknown word one typo away from exactly one of them is read as it.
    private let vocabulary: Set<String>
    /// Stems of the vocabulary's words, worked out once: most question words are among them.
    private let stems: [String: String]

    package init(thesaurus: Thesaurus, vocabulary: Set<String> = []) {
        self.vocabulary = vocabulary
        var stems: [String: String] = [:]
        for word in vocabulary { stems[word] = TextAnalyzer.stem(word) }
        self.stems = stems
        var abbreviations: [String: [String]] = [:]
        for (short, long) in thesaurus.abbreviations {
            abbreviations[short.lowercased()] = TextAnalyzer.rawWords(long)
        }
        self.abbreviations = abbreviations
        var phrases: [(tokens: [String], concept: String)] = []
        for group in thesaurus.synonyms {
            guard let canonical = group.first else { continue }
            let concept = "~" + TextAnalyzer.rawWords(canonical).joined(separator: "_")
            for term in group {
                let tokens = TextAnalyzer.rawWords(term).map(TextAnalyzer.stem)
                if !tokens.isEmpty { phrases.append((tokens, concept)) }
            }
        }
        phrases.sort { ($0.tokens.count, $0.concept) > ($1.tokens.count, $1.concept) }
        self.phrases = Dictionary(grouping: phrases, by: { $0.tokens[0] })
    }

    /// Folds case and accents and splits into alphanumeric words (`A.6.2.8` -> `a`, `6`, `2`, `8`).
    /// Apostrophes join ("vendor's" -> "vendors"). ASCII text, nearly all of it, takes a byte-level
    /// path; only text with other characters goes through Foundation's folding.
    package static func rawWords(_ text: String) -> [String] {
        var words: [String] = []
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var current: [UInt8] = []
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    current.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    current.append(byte | 0x20)
                case UInt8(ascii: "'"):
                    continue
                default:
                    if !current.isEmpty {
                        words.append(String(decoding: current, as: UTF8.self))
                        current.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            return words
        }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    package func analyze(_ text: String) -> Terms {
        var expanded: [String] = []
        // Which expansion each word came from (nil: the text's own word), to share its weight.
        var expansionOf: [Int?] = []
        var expansionCount = 0
        for raw in TextAnalyzer.rawWords(text) {
            let word = corrected(raw)
            expanded.append(word)
            expansionOf.append(nil)
            if let expansion = abbreviations[word] {
                expanded.append(contentsOf: expansion)
                expansionOf.append(contentsOf: Array(repeating: expansionCount, count: expansion.count))
                expansionCount += 1
            }
        }
        let stems = expanded.map { self.stems[$0] ?? TextAnalyzer.stem($0) }
        var concepts: [String] = []
        var index = 0
        while index < stems.count {
            var advanced = false
            for phrase in phrases[stems[index]] ?? [] where phrase.tokens.count <= stems.count - index {
                if Array(stems[index..<(index + phrase.tokens.count)]) == phrase.tokens {
                    if !concepts.contains(phrase.concept) { concepts.append(phrase.concept) }
                    index += phrase.tokens.count
                    advanced = true
                    break
                }
            }
            if !advanced { index += 1 }
        }
        let kept = stems.indices.filter { !TextAnalyzer.stopWords.contains(stems[$0]) && !(stems[$0].count == 1 && !stems[$0].first!.isNumber) }
        var keptPerExpansion = [Int](repeating: 0, count: expansionCount)
        for index in kept { if let expansion = expansionOf[index] { keptPerExpansion[expansion] += 1 } }
        return Terms(
            words: kept.map { stems[$0] }, concepts: concepts,
            wordWeights: kept.map { index in expansionOf[index].map { 1 / Double(keptPerExpansion[$0]) } ?? 1 })
    }

    /// Each term ``analyze(_:)`` finds in `text`, with the word of the text it came from as written
    /// (`machin` -> `machine`, the terms an abbreviation expands to -> `AI`), for explanations a
    /// reviewer can read. The first word giving a term wins.
    package func writtenWords(_ text: String) -> [String: String] {
        var written: [String: String] = [:]
        let tokens = text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "\u{2019}") }
        for token in tokens {
            for raw in TextAnalyzer.rawWords(String(token)) {
                let word = corrected(raw)
                for expanded in [word] + (abbreviations[word] ?? []) {
                    let stem = stems[expanded] ?? TextAnalyzer.stem(expanded)
                    if written[stem] == nil { written[stem] = String(token) }
                }
            }
        }
        return written
    }

    /// The question's words as the matcher reads them: folded, split, and each misspelling of a
    /// known word corrected (abbreviations are not expanded), for checks that look for whole words.
    package func correctedWords(_ text: String) -> [String] { TextAnalyzer.rawWords(text).map(corrected) }

    /// A word's stem: British spellings folded, then Porter's algorithm, except for the few words
    /// whose Porter stem is another word of this domain's with another meaning.
    static func stem(_ word: String) -> String {
        if let kept = distinctStems[word] { return kept }
        return PorterStemmer.stem(americanized(word))
    }

    /// Porter strips "-able" and "-ability", which makes accountability (who answers for governance)
    /// the same term as a user account or an account manager; these keep a stem of their own.
    private static let distinctStems: [String: String] = [
        "accountable": "accountabl", "accountability": "accountabl", "accountabilities": "accountabl",
    ]

    /// The known word one edit (deletion, insertion, substitution, adjacent swap) away from an
    /// unknown word of five or more letters, when there is exactly one; otherwise the word itself.
    /// Longest word the typo corrector looks at: a longer token is no misspelling of a word the
    /// knowledge base uses, and the candidates grow with the square of the length.
    static let longestCorrectedWord = 24

    /// The one vocabulary word one edit away from `word`, when exactly one is. Edits keep the
    /// first two letters: typists rarely miss them, and an edit there turns real words into others
    /// ("founded" into "funded").
    private func corrected(_ word: String) -> String {
        guard !vocabulary.isEmpty, !vocabulary.contains(word), abbreviations[word] == nil else { return word }
        let known = Self.correctionCandidates(word).filter(vocabulary.contains)
        return known.count == 1 ? known.first! : word
    }

    /// Every word one edit away from `word` that keeps its first two letters; none for a word
    /// outside 5...``longestCorrectedWord`` letters or with other characters, so the work is
    /// bounded whatever the token's length (a 1 MB token builds no candidate).
    static func correctionCandidates(_ word: String) -> Set<String> {
        guard (5...Self.longestCorrectedWord).contains(word.utf8.count), word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return [] }
        let letters = Array(word)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        var found = Set<String>()
        for index in letters.indices where index >= 2 {
            var deleted = letters
            deleted.remove(at: index)
            found.insert(String(deleted))
            if index + 1 < letters.count {
                var swapped = letters
                swapped.swapAt(index, index + 1)
                found.insert(String(swapped))
            }
            for letter in alphabet where letter != letters[index] {
                var replaced = letters
                replaced[index] = letter
                found.insert(String(replaced))
            }
        }
        for index in 2...letters.count {
            for letter in alphabet {
                var inserted = letters
                inserted.insert(letter, at: index)
                found.insert(String(inserted))
            }
        }
        return found
    }

    /// British spellings folded to American ones, so both sides of a match stem alike.
    static func americanized(_ word: String) -> String {
        if let fixed = spellingVariants[word] { return fixed }
        guard word.count > 6 else { return word }
        for (british, american) in [("isation", "ization"), ("isations", "izations"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize"), ("ises", "izes")]
        where word.hasSuffix(british) {
            return String(word.dropLast(british.count)) + american
        }
        return word
    }

    private static let spellingVariants: [String: String] = [
        "labelling": "labeling", "labelled": "labeled", "modelling": "modeling", "modelled": "modeled",
        "behaviour": "behavior", "behaviours": "behaviors", "programme": "program", "programmes": "programs",
        "centre": "center", "licence": "license", "analyse": "analyze", "analysed": "analyzed",
        "catalogue": "catalog", "judgement": "judgment", "defence": "defense", "favour": "favor",
        "travelling": "traveling", "cancelled": "canceled", "enrolment": "enrollment", "fulfil": "fulfill",
    ]

    /// Function words and questionnaire filler, stemmed like the text they are removed from.
    static let stopWords: Set<String> = Set(
        [
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as",
            "into", "about", "than", "then", "so", "such", "e", "g", "eg", "ie", "i", "etc", "via", "per",
            "do", "does", "did", "done", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
            "can", "could", "will", "would", "shall", "should", "may", "might", "must",
            "you", "your", "yours", "we", "our", "us", "they", "their", "them", "it", "its", "this", "that", "these",
            "those", "there", "which", "who", "whom", "whose", "what", "when", "where", "why", "how",
            "any", "all", "each", "every", "some", "other", "both", "either", "not", "no", "yes", "also",
            "please", "pls", "provide", "describe", "explain", "confirm", "outline", "detail", "give", "share",
            "copy", "include", "including", "attach", "upload", "supply", "submit", "list", "indicate", "specify",
            "company", "companies", "organisation", "organization", "organisations", "organizations", "currently",
            "whether", "often", "many", "much", "anything", "something", "kindly", "briefly",
        ].map { PorterStemmer.stem(americanized($0)) })
}
