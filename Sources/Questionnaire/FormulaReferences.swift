/// Finds which sheets a formula (or a data-validation source, or a defined name) refers to.
///
/// A scan for `Name!` and `'Quoted Name'!` written by hand: formulas are short, and only names of
/// sheets that exist in the workbook count, so a full formula grammar is not needed.
struct FormulaReferences: Sendable {
    /// Sheet names in the workbook, lower-cased, to the name as written.
    private let names: [String: String]
    /// Defined names (lower-cased) to the reference they stand for.
    private let definedNames: [String: String]

    init(sheetNames: [String], definedNames: [(name: String, reference: String)] = []) {
        var names: [String: String] = [:]
        for name in sheetNames { names[name.lowercased()] = name }
        self.names = names
        var defined: [String: String] = [:]
        for entry in definedNames { defined[entry.name.lowercased()] = entry.reference }
        self.definedNames = defined
    }

    /// The sheets a formula refers to, in order of first mention, without duplicates.
    func sheets(in formula: String) -> [String] { sheets(in: formula, depth: 0) }

    private func sheets(in formula: String, depth: Int) -> [String] {
        var found: [String] = []
        func add(_ raw: String) {
            guard let name = names[raw.lowercased()], !found.contains(name) else { return }
            found.append(name)
        }
        let characters = Array(formula)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                // 'Sheet Name'!  (a doubled '' is a quote inside the name)
                var name = ""
                var cursor = index + 1
                while cursor < characters.count {
                    if characters[cursor] == "'" {
                        if cursor + 1 < characters.count && characters[cursor + 1] == "'" {
                            name.append("'")
                            cursor += 2
                            continue
                        }
                        break
                    }
                    name.append(characters[cursor])
                    cursor += 1
                }
                if cursor + 1 < characters.count && characters[cursor + 1] == "!" { add(name) }
                index = cursor + 1
            } else if character == "\"" {
                // Skip string literals: `"a!b"` is not a reference.
                var cursor = index + 1
                while cursor < characters.count && characters[cursor] != "\"" { cursor += 1 }
                index = cursor + 1
            } else if character.isLetter || character == "_" {
                var cursor = index
                var word = ""
                while cursor < characters.count
                    && (characters[cursor].isLetter || characters[cursor].isNumber
                        || characters[cursor] == "_" || characters[cursor] == ".")
                {
                    word.append(characters[cursor])
                    cursor += 1
                }
                if cursor < characters.count && characters[cursor] == "!" {
                    add(word)
                } else if depth < 2, let reference = definedNames[word.lowercased()] {
                    // A defined name may point at another; two levels cover real files and stop cycles.
                    for name in sheets(in: reference, depth: depth + 1) where !found.contains(name) { found.append(name) }
                }
                index = cursor
            } else {
                index += 1
            }
        }
        return found
    }
}
