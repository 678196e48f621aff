/// A fragment of HTML built only from escaped text and elements, so nothing a buyer or the
/// knowledge base wrote can become markup: text and attribute values always pass through
/// ``escape(_:)``; tags are compile-time literals and attribute names are only ever literals in this module.
struct HTML: Sendable {
    private(set) var rendered: String

    private init(raw: String) {
        rendered = raw
    }

    /// Text, escaped.
    init(_ text: String) {
        rendered = Self.escape(text)
    }

    /// Nothing.
    static let empty = HTML(raw: "")

    /// `<tag attributes>children</tag>`; an attribute with a nil value is left out, one with an
    /// empty value is written bare (`checked`).
    static func element(_ tag: StaticString, _ attributes: [(String, String?)] = [], _ children: [HTML] = []) -> HTML {
        var out = "<\(tag)"
        for (name, value) in attributes {
            guard let value else { continue }
            out += value.isEmpty ? " \(name)" : " \(name)=\"\(escape(value))\""
        }
        out += ">"
        if voidTags.contains(tag.description) { return HTML(raw: out) }
        for child in children { out += child.rendered }
        return HTML(raw: out + "</\(tag)>")
    }

    /// An element holding only text.
    static func element(_ tag: StaticString, _ attributes: [(String, String?)] = [], text: String) -> HTML {
        element(tag, attributes, [HTML(text)])
    }

    /// The fragments one after another.
    static func join(_ parts: [HTML]) -> HTML {
        HTML(raw: parts.map(\.rendered).joined())
    }

    /// A whole page: doctype, the one stylesheet and script of the desk, the CSRF token for the
    /// script's requests.
    static func document(title: String, csrf: String?, body: [HTML]) -> HTML {
        let head = element(
            "head", [],
            [
                element("meta", [("charset", "utf-8")]),
                element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                element("meta", [("name", "csrf-token"), ("content", csrf)]),
                element("title", text: title + " · responder review desk"),
                element("link", [("rel", "stylesheet"), ("href", "/assets/desk.css")]),
                element("script", [("src", "/assets/desk.js"), ("defer", "")]),
            ])
        return HTML(raw: "<!DOCTYPE html>" + element("html", [("lang", "en")], [head, element("body", [], body)]).rendered)
    }

    /// `& < > " '` as entities: enough for text and for double-quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    private static let voidTags: Set<String> = ["meta", "link", "input", "br", "hr", "img"]
}
