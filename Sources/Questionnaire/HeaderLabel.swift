/// What a header cell's words say about its column.
package enum HeaderLabel {
    /// Answer values that can stand in a data row; they are never labels.
    private static let answerValues: Set<String> = [
        "yes", "no", "n/a", "na", "partial", "partially", "not applicable",
        "true", "false", "si", "sí", "parcial", "ja", "nein", "oui", "non",
    ]

    /// Whether a cell's text can be a header label at all: short, no question mark, no line of
    /// prose, not an ID and not an answer value.
    package static func isLabelLike(_ raw: String) -> Bool {
        // Cheap rejections first: this runs on every cell of every row while a header is sought.
        guard raw.utf8.count <= 80, !raw.utf8.contains(UInt8(ascii: "?")) else { return false }
        let text = TextCleaner.trimmed(raw)
        if QuestionIDPattern.matches(text) { return false }
        guard !text.isEmpty, text.count <= 60, !text.contains("?") else { return false }
        if answerValues.contains(text.lowercased()) { return false }
        return text.split(separator: " ").count <= 8
    }

    /// The answer values a label spells out ("Yes/No" -> Yes, No; "Y/N/NA"), or nil.
    static func valuesNamed(by label: String) -> [String]? {
        let parts = label.lowercased().replacingOccurrences(of: "n/a", with: "na")
            .split(whereSeparator: { $0 == "/" || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 2 else { return nil }
        let spelled: [String: String] = ["yes": "Yes", "y": "Yes", "no": "No", "n": "No", "n/a": "N/A", "na": "N/A", "partial": "Partial"]
        let values = parts.compactMap { spelled[$0.lowercased()] }
        return values.count == parts.count && values.contains("Yes") && values.contains("No") ? values : nil
    }

    /// The role a label names, or nil.
    package static func role(of raw: String) -> ColumnRole? {
        guard isLabelLike(raw) else { return nil }
        let lower = raw.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        let words = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "#" && $0 != "º" && $0 != "°" })
            .map(String.init)
        func has(_ options: [String]) -> Bool { options.contains { words.contains($0) } }
        if lower == "#" || lower == "no." || lower == "nº" || lower == "n°"
            || has(["id", "ref", "nr", "num", "number", "número", "identifier", "code", "nº", "n°", "ques num"]) && words.count <= 4
                && !has(["yes", "answer", "answers"])
        {
            return .id
        }
        if lower.hasPrefix("ref_id") || lower.hasPrefix("ref id") { return .id }
        if has([
            "yes", "answer", "answers", "response", "responses", "compliance", "compliant", "respuesta", "respuestas",
            "antwort", "réponse", "reponse",
        ])
            && !has(["comment", "comments", "explanation", "notes", "detail", "details", "description", "information"])
        {
            return .answer
        }
        // "Control Description", "Requirement Description": the text to answer, not a place to write.
        if has(["description", "details", "text"]) && has(["control", "requirement", "question", "criteria", "criterion"]) {
            return .question
        }
        if has([
            "comment", "comments", "notes", "note", "evidence", "explanation", "remarks", "comentarios", "kommentar",
            "commentaires", "justification", "description", "information", "details",
        ]) {
            return .comment
        }
        if has([
            "question", "questions", "control", "requirement", "requirements", "specification", "pregunta", "preguntas",
            "frage", "requisito", "exigence", "request",
        ]) {
            return .question
        }
        return nil
    }
}
