import ResponderModel

/// Reads one `assessments.yaml` entry with its findings.
enum AssessmentReader {
    static let keys: Set<String> = ["id", "kind", "title", "systems", "date", "assessor", "outcome", "findings", "nextReview"]

    static func read(_ object: YAMLObject, _ diagnostics: inout DiagnosticCollector) -> Assessment? {
        guard let id = object.string("id", required: true, diagnostics: &diagnostics),
            let kind = object.value("kind", as: Assessment.Kind.self, diagnostics: &diagnostics),
            let title = object.string("title", required: true, diagnostics: &diagnostics),
            let systems = object.strings("systems", required: false, diagnostics: &diagnostics),
            let date = object.date("date", required: true, diagnostics: &diagnostics),
            let assessor = object.string("assessor", required: true, diagnostics: &diagnostics),
            let outcome = object.string("outcome", required: true, diagnostics: &diagnostics)
        else { return nil }
        var findings: [Assessment.Finding] = []
        if let node = object.mapping["findings"] {
            guard let sequence = node.sequence else {
                diagnostics.report(.error, at: object.file.location(of: node), "'findings' must be a list")
                return nil
            }
            for item in sequence {
                guard let finding = YAMLObject(item, in: object.file, allowed: ["id", "severity", "summary", "treatment"], diagnostics: &diagnostics),
                    let findingID = finding.string("id", required: true, diagnostics: &diagnostics),
                    let severity = finding.value("severity", as: Assessment.Finding.Severity.self, diagnostics: &diagnostics),
                    let summary = finding.string("summary", required: true, diagnostics: &diagnostics),
                    let treatment = finding.value("treatment", as: Assessment.Finding.Treatment.self, diagnostics: &diagnostics)
                else { continue }
                findings.append(Assessment.Finding(id: findingID, severity: severity, summary: summary, treatment: treatment))
            }
        }
        return Assessment(
            id: id, kind: kind, title: title, systems: systems, date: date, assessor: assessor, outcome: outcome,
            findings: findings, nextReview: object.date("nextReview", required: false, diagnostics: &diagnostics))
    }
}
