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

        package var all: [String] { words + concepts }
    }

    /// Stemmed token sequences of each synonym group's terms, longest first, with the concept term.
    private let phrases: [(tokens: [String], concept: String)]
    /// Lower-cased abbreviation to its expansion's raw words.
    private let abbreviations: [String: [String]]

    package init(thesaurus: Thesaurus) {
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
                let tokens = TextAnalyzer.rawWords(term).map { PorterStemmer.stem(TextAnalyzer.americanized($0)) }
                if !tokens.isEmpty { phrases.append((tokens, concept)) }
            }
        }
        phrases.sort { ($0.tokens.count, $0.concept) > ($1.tokens.count, $1.concept) }
        self.phrases = phrases
    }

    /// Folds case and accents and splits into alphanumeric words (`A.6.2.8` -> `a`, `6`, `2`, `8`).
    package static func rawWords(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "vendor's" -> "vendors", "don't" -> "dont"
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
        for word in TextAnalyzer.rawWords(text) {
            expanded.append(word)
            if let expansion = abbreviations[word] { expanded.append(contentsOf: expansion) }
        }
        let stems = expanded.map { PorterStemmer.stem(TextAnalyzer.americanized($0)) }
        var concepts: [String] = []
        var index = 0
        while index < stems.count {
            var advanced = false
            for phrase in phrases where phrase.tokens.count <= stems.count - index {
                if Array(stems[index..<(index + phrase.tokens.count)]) == phrase.tokens {
                    if !concepts.contains(phrase.concept) { concepts.append(phrase.concept) }
                    index += phrase.tokens.count
                    advanced = true
                    break
                }
            }
            if !advanced { index += 1 }
        }
        let words = stems.filter { !TextAnalyzer.stopWords.contains($0) && !($0.count == 1 && !$0.first!.isNumber) }
        return Terms(words: words, concepts: concepts)
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
    static let stopWords: Set<String> = Set([
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
