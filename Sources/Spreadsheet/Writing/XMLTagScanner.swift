import Foundation

/// A forward scanner over the tags of an XML part held as bytes, for byte-preserving edits.
///
/// It understands just enough XML to find element boundaries: start, end and empty-element tags,
/// with quoted attribute values (which may contain `>`), and it steps over comments, CDATA,
/// processing instructions and declarations. It does not check well-formedness.
struct XMLTagScanner {
    enum Kind { case start, end, empty, other }

    struct Tag {
        var kind: Kind
        /// Index of `<`.
        var start: Int
        /// Index just past `>`.
        var end: Int
        /// The qualified name as written (`x:row`).
        var name: String

        /// The name without its namespace prefix.
        var localName: Substring {
            guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
            return name[name.index(after: colon)...]
        }

        /// The prefix including its colon (`x:`), or empty.
        var prefix: String { String(name.dropLast(localName.count)) }
    }

    let bytes: [UInt8]

    /// The next tag at or after `position`, or nil at the end (or in a truncated tag).
    func nextTag(from position: Int) -> Tag? {
        var index = position
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        guard index + 1 < bytes.count else { return nil }
        let start = index
        if hasPrefix("<!--", at: start) {
            guard let end = find("-->", from: start + 4) else { return nil }
            return Tag(kind: .other, start: start, end: end + 3, name: "")
        }
        if hasPrefix("<![CDATA[", at: start) {
            guard let end = find("]]>", from: start + 9) else { return nil }
            return Tag(kind: .other, start: start, end: end + 3, name: "")
        }
        if hasPrefix("<?", at: start) {
            guard let end = find("?>", from: start + 2) else { return nil }
            return Tag(kind: .other, start: start, end: end + 2, name: "")
        }
        let isEnd = bytes[start + 1] == UInt8(ascii: "/")
        let isDeclaration = bytes[start + 1] == UInt8(ascii: "!")
        var nameEnd = start + (isEnd || isDeclaration ? 2 : 1)
        let nameStart = nameEnd
        while nameEnd < bytes.count, !Self.endsName(bytes[nameEnd]) { nameEnd += 1 }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        var cursor = nameEnd
        var quote: UInt8?
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            cursor += 1
        }
        guard cursor < bytes.count else { return nil }
        let kind: Kind
        if isDeclaration {
            kind = .other
        } else if isEnd {
            kind = .end
        } else {
            kind = bytes[cursor - 1] == UInt8(ascii: "/") ? .empty : .start
        }
        return Tag(kind: kind, start: start, end: cursor + 1, name: name)
    }

    /// The index just past the end of the element whose start tag is `tag`, or nil when unclosed.
    func elementEnd(of tag: Tag) -> Int? {
        guard tag.kind == .start else { return tag.end }
        var depth = 1
        var position = tag.end
        while let next = nextTag(from: position) {
            switch next.kind {
            case .start: depth += 1
            case .end:
                depth -= 1
                if depth == 0 { return next.end }
            case .empty, .other: break
            }
            position = next.end
        }
        return nil
    }

    /// The attributes of a start or empty tag, in document order, values unescaped only for the
    /// five predefined entities (enough for references, numbers and style indexes).
    func attributes(of tag: Tag) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var cursor = tag.start + 1 + tag.name.utf8.count
        let limit = tag.end - 1
        while cursor < limit {
            while cursor < limit, Self.isSpace(bytes[cursor]) { cursor += 1 }
            let nameStart = cursor
            while cursor < limit, bytes[cursor] != UInt8(ascii: "="), !Self.isSpace(bytes[cursor]),
                bytes[cursor] != UInt8(ascii: "/")
            { cursor += 1 }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
            while cursor < limit, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < limit, bytes[cursor] == UInt8(ascii: "=") else {
                cursor += 1
                continue
            }
            cursor += 1
            while cursor < limit, Self.isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < limit else { break }
            let quote = bytes[cursor]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { break }
            let valueStart = cursor + 1
            cursor = valueStart
            while cursor < limit, bytes[cursor] != quote { cursor += 1 }
            let raw = String(decoding: bytes[valueStart..<min(cursor, limit)], as: UTF8.self)
            result.append((name, Self.unescape(raw)))
            cursor += 1
        }
        return result
    }

    func attribute(_ name: String, of tag: Tag) -> String? {
        attributes(of: tag).first { $0.name == name }?.value
    }

    private func hasPrefix(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { buffer in
            (0..<count).allSatisfy { bytes[index + $0] == buffer[$0] }
        }
    }

    private func find(_ text: StaticString, from index: Int) -> Int? {
        var position = index
        while position < bytes.count {
            if hasPrefix(text, at: position) { return position }
            position += 1
        }
        return nil
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
