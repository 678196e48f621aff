import Foundation

/// The names a batch's outputs are written under: each questionnaire's own file name without its
/// extension (`globex.xlsx` gives `globex.draft.json`), except where two inputs share that name.
/// Those are told apart deterministically, first by the folders they sit in
/// (`buyerA-questionnaire`, `buyerB-questionnaire`), then by their extension (`q-xlsx`, `q-csv`),
/// so no output overwrites another's and the same batch always gets the same names.
public enum DraftOutputNames {
    /// One name per input, in the same order; names are compared ignoring letter case, as some
    /// file systems do.
    /// - Throws: ``WorkflowError`` `.outputCollision` naming both inputs when no rule tells them
    ///   apart (the same file given twice is named once only by ``unique(_:)`` beforehand).
    public static func stems(for inputs: [String]) throws(WorkflowError) -> [String] {
        let plain = inputs.map(Self.plainStem)
        var names = plain
        let groups = Dictionary(grouping: inputs.indices) { plain[$0].lowercased() }
        for (_, members) in groups.sorted(by: { $0.key < $1.key }) where members.count > 1 {
            let depth = members.map { folders(of: inputs[$0]).count }.max() ?? 0
            let rules = (0...depth).filter { $0 > 0 }.map { ($0, false) } + (0...depth).map { ($0, true) }
            for (level, withExtension) in rules {
                let candidates = members.map { name(inputs[$0], folders: level, withExtension: withExtension) }
                if Set(candidates.map { $0.lowercased() }).count == members.count {
                    for (member, candidate) in zip(members, candidates) { names[member] = candidate }
                    break
                }
            }
        }
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let earlier = seen[name.lowercased()] {
                throw WorkflowError(
                    .outputCollision,
                    "\(inputs[earlier]) and \(inputs[index]) would both write \(name).*; "
                        + "draft them separately with different --out folders")
            }
            seen[name.lowercased()] = index
        }
        return names
    }

    /// The inputs with repeats of the same file (by any spelling of its path) left out, in order.
    public static func unique(_ inputs: [String]) -> [String] {
        var seen = Set<String>()
        return inputs.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path).inserted }
    }

    private static func plainStem(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// The folders above a file, outermost first, from its absolute path (`buyerA` last for `buyerA/q.xlsx`).
    private static func folders(of path: String) -> [String] {
        let parent = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        return parent.pathComponents.filter { $0 != "/" }
    }

    private static func name(_ path: String, folders level: Int, withExtension: Bool) -> String {
        let parts = Array(folders(of: path).suffix(level)) + [plainStem(path)]
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return parts.joined(separator: "-") + (withExtension && !ext.isEmpty ? "-\(ext)" : "")
    }
}
