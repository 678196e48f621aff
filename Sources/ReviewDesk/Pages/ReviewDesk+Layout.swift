import Foundation
import Hummingbird

extension ReviewDesk {
    /// A page with the desk's header (navigation, who is signed in) around `body`.
    static func layout(title: String, reviewer: String?, csrf: String?, body: [HTML]) -> HTML {
        let nav = HTML.element(
            "nav", [],
            [
                .element("a", [("href", "/runs")], text: "Runs"),
                .element("a", [("href", "/library")], text: "Library"),
                reviewer.map { .element("span", [("class", "who")], text: "Reviewing as \($0)") } ?? .empty,
            ])
        return HTML.document(
            title: title, csrf: csrf,
            body: [
                .element("header", [], [.element("strong", text: "responder review desk"), nav]),
                .element("main", [], [.element("h1", text: title)] + body),
            ])
    }

    /// A notice above a page's content; `kind` is `ok` or `refused`.
    static func notice(_ text: String, kind: String) -> HTML {
        .element("p", [("class", "notice \(kind)"), ("role", kind == "refused" ? "alert" : "status")], text: text)
    }

    /// A hidden form field.
    static func hidden(_ name: String, _ value: String) -> HTML {
        .element("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    /// A `<select>` whose first option (value "") is `any`.
    static func select(_ name: String, label: String, options: [String], selected: String?, any: String = "any") -> HTML {
        .element(
            "label", [],
            [
                HTML(label + " "),
                .element(
                    "select", [("name", name), ("id", "filter-\(name)")],
                    [.element("option", [("value", "")], text: any)]
                        + options.map { .element("option", [("value", $0), ("selected", $0 == selected ? "" : nil)], text: $0) }),
            ])
    }

    /// A table with a header row.
    static func table(_ headers: [String], _ rows: [HTML], attributes: [(String, String?)] = []) -> HTML {
        .element(
            "table", attributes,
            [
                .element("thead", [], [.element("tr", [], headers.map { .element("th", text: $0) })]),
                .element("tbody", [], rows),
            ])
    }

    /// The part of a run's path a person recognises: its file name.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `/runs/RUN/question?key=KEY&f=FILTER`, percent-encoded; `filter` is the run page's query,
    /// so next and previous stay within what the reviewer filtered to.
    static func questionHref(run: String, key: String, filter: String = "") -> String {
        "/runs/\(run)/question?key=" + encode(key) + (filter.isEmpty ? "" : "&f=" + encode(filter))
    }

    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlQueryValue) ?? value
    }
}

extension CharacterSet {
    /// Characters a query value may hold as they are.
    static let urlQueryValue: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~")
        return set
    }()
}
