/// The nearest command name to a mistyped one, for "did you mean" messages.
enum CommandSuggestion {
    /// A message for a first argument that is not a command, or nil when it is one (or an option,
    /// or too far from every command to guess).
    static func unknownCommand(_ typed: String, among names: [String]) -> String? {
        guard !typed.hasPrefix("-"), !names.contains(typed) else { return nil }
        let ranked = names.map { (name: $0, distance: distance(typed.lowercased(), $0)) }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
        guard let best = ranked.first, best.distance <= max(2, typed.count / 3) else {
            return "error: unknown command '\(typed)'; the commands are \(names.joined(separator: ", ")) (see `responder help`)"
        }
        return "error: unknown command '\(typed)'; did you mean '\(best.name)'? (see `responder help`)"
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs), right = Array(rhs)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        for (row, leftCharacter) in left.enumerated() {
            var current = [row + 1] + Array(repeating: 0, count: right.count)
            for (column, rightCharacter) in right.enumerated() {
                current[column + 1] = min(
                    previous[column + 1] + 1, current[column] + 1,
                    previous[column] + (leftCharacter == rightCharacter ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
