import Foundation
import ResponderModel
import Spreadsheet
import Yams

extension KnowledgeBaseLoader {
    static func loadThesaurus(_ path: String, _ diagnostics: inout DiagnosticCollector) -> Thesaurus {
        guard let file = open(path, &diagnostics),
            let top = YAMLObject(file.rootNode, in: file, allowed: ["formatVersion", "abbreviations", "synonyms", "predicates", "qualifiers"], diagnostics: &diagnostics)
        else { return Thesaurus() }
        var thesaurus = Thesaurus()
        if let node = top.mapping["abbreviations"] {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    guard let short = key.scalar?.string, let long = value.scalar?.string else {
                        diagnostics.report(.error, at: file.location(of: value), "abbreviations must map text to text")
                        continue
                    }
                    thesaurus.abbreviations[short] = long
                }
            } else {
                diagnostics.report(.error, at: file.location(of: node), "'abbreviations' must be a mapping")
            }
        }
        if let node = top.mapping["synonyms"] {
            for group in node.sequence ?? [] {
                let terms = group.sequence?.compactMap { $0.scalar?.string } ?? []
                if terms.count < 2 || terms.count != group.sequence?.count {
                    diagnostics.report(.error, at: file.location(of: group), "a synonym group must be a list of at least two terms")
                } else {
                    thesaurus.synonyms.append(terms)
                }
            }
            if node.sequence == nil { diagnostics.report(.error, at: file.location(of: node), "'synonyms' must be a list") }
        }
        if let node = top.mapping["predicates"] {
            thesaurus.predicates = loadPhraseGroups(node, named: "predicate", in: file, &diagnostics)
        }
        if let node = top.mapping["qualifiers"] {
            thesaurus.qualifiers = loadPhraseGroups(node, named: "qualifier", in: file, &diagnostics)
        }
        return thesaurus
    }

    /// The thesaurus's predicate or qualifier groups. A word or phrase in two groups would make one
    /// claim disagree with itself, so a repeat is an error at its second place.
    private static func loadPhraseGroups(
        _ node: Node, named kind: String, in file: YAMLFile, _ diagnostics: inout DiagnosticCollector
    ) -> [[String]] {
        guard let groups = node.sequence else {
            diagnostics.report(.error, at: file.location(of: node), "'\(kind)s' must be a list")
            return []
        }
        var phraseGroups: [[String]] = []
        var seen: [String: Int] = [:]
        for group in groups {
            let items = group.sequence ?? []
            let terms = items.compactMap { $0.scalar?.string }
            guard !terms.isEmpty, terms.count == items.count else {
                diagnostics.report(.error, at: file.location(of: group), "a \(kind) group must be a list of at least one word or phrase")
                continue
            }
            for (term, item) in zip(terms, items) {
                let key = term.lowercased()
                if let first = seen[key] {
                    diagnostics.report(
                        .error, at: file.location(of: item), "'\(term)' is already in \(kind) group \(first + 1) ('\(phraseGroups[first][0])')")
                } else {
                    seen[key] = phraseGroups.count
                }
            }
            phraseGroups.append(terms)
        }
        return phraseGroups
    }

    /// Returns the organisation and whether its formatVersion was accepted (it also governs the CSV files).
    static func loadOrganisation(_ path: String, _ diagnostics: inout DiagnosticCollector) -> (Organisation, Bool) {
        let empty = Organisation(name: "", products: [], certifications: [], governance: nil)
        guard let file = open(path, &diagnostics) else { return (empty, false) }
        guard
            let top = YAMLObject(
                file.rootNode, in: file, allowed: ["formatVersion", "name", "products", "certifications", "governance"],
                diagnostics: &diagnostics)
        else { return (empty, true) }
        let name = top.string("name", required: true, diagnostics: &diagnostics) ?? ""
        let products: [Organisation.Product] =
            (top.mapping["products"] == nil
                ? []
                : items(
                    file, "products", allowedTop: nil,
                    allowed: ["id", "name", "description", "systems"], &diagnostics
                ) { object, diagnostics in
                    guard let id = object.string("id", required: true, diagnostics: &diagnostics),
                        let name = object.string("name", required: true, diagnostics: &diagnostics),
                        let systems = object.strings("systems", required: false, diagnostics: &diagnostics)
                    else { return nil }
                    return Organisation.Product(
                        id: id, name: name,
                        description: object.string("description", required: false, diagnostics: &diagnostics) ?? "",
                        systems: systems)
                })
        let certifications: [Organisation.Certification] =
            (top.mapping["certifications"] == nil
                ? []
                : items(
                    file, "certifications", allowedTop: nil,
                    allowed: [
                        "id", "standard", "status", "body", "certificateId", "issued", "expires",
                        "periodStart", "periodEnd", "scope", "evidence",
                    ], &diagnostics
                ) { object, diagnostics in
                    guard let id = object.string("id", required: true, diagnostics: &diagnostics),
                        let standard = object.string("standard", required: true, diagnostics: &diagnostics),
                        let status = object.value("status", as: Organisation.Certification.Status.self, diagnostics: &diagnostics),
                        let evidence = object.strings("evidence", required: false, diagnostics: &diagnostics)
                    else { return nil }
                    return Organisation.Certification(
                        id: id, standard: standard, status: status,
                        body: object.string("body", required: false, diagnostics: &diagnostics),
                        certificateId: object.string("certificateId", required: false, diagnostics: &diagnostics),
                        issued: object.date("issued", required: false, diagnostics: &diagnostics),
                        expires: object.date("expires", required: false, diagnostics: &diagnostics),
                        periodStart: object.date("periodStart", required: false, diagnostics: &diagnostics),
                        periodEnd: object.date("periodEnd", required: false, diagnostics: &diagnostics),
                        scope: object.string("scope", required: false, diagnostics: &diagnostics), evidence: evidence)
                })
        var governance: Organisation.Governance?
        if let node = top.mapping["governance"],
            let object = YAMLObject(node, in: file, allowed: ["body", "cadence"], diagnostics: &diagnostics),
            let body = object.string("body", required: true, diagnostics: &diagnostics),
            let cadence = object.string("cadence", required: true, diagnostics: &diagnostics)
        {
            governance = Organisation.Governance(body: body, cadence: cadence)
        }
        return (Organisation(name: name, products: products, certifications: certifications, governance: governance), true)
    }

    static let evidenceColumns = ["id", "title", "kind", "version", "owner", "approved", "nextReview", "confidentiality", "location"]

    /// Reads evidence.csv; errors name `evidence.csv:LINE` and the column.
    static func loadEvidence(_ path: String, _ diagnostics: inout DiagnosticCollector) -> [EvidenceItem] {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.report(.error, at: SourceLocation(file: path), "file not found or unreadable")
            return []
        }
        let sheet: Sheet
        do {
            guard let first = try CSVReader.read(data: data, path: path).sheets.first else { return [] }
            sheet = first
        } catch {
            diagnostics.report(.error, at: error.location, error.message)
            return []
        }
        guard let header = sheet.rows.first else { return [] }
        let names = (1...max(1, header.cells.last?.address.column ?? 1)).map { header.cell(inColumn: $0)?.value.displayText ?? "" }
        var column: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if !evidenceColumns.contains(name) {
                diagnostics.report(.error, at: SourceLocation(file: path, line: header.number), "unknown column '\(name)' (allowed: \(evidenceColumns.joined(separator: ", ")))")
            }
            column[name] = index + 1
        }
        let missing = evidenceColumns.filter { column[$0] == nil }
        if !missing.isEmpty {
            diagnostics.report(.error, at: SourceLocation(file: path, line: header.number), "missing column(s): \(missing.joined(separator: ", "))")
            return []
        }
        var result: [EvidenceItem] = []
        for row in sheet.rows.dropFirst() {
            let at = SourceLocation(file: path, line: row.number)
            var ok = true
            func field(_ name: String) -> String {
                let text = row.cell(inColumn: column[name]!)?.value.displayText.trimmingCharacters(in: .whitespaces) ?? ""
                if text.isEmpty && name != "location" {
                    diagnostics.report(.error, at: at, "column '\(name)': missing value")
                    ok = false
                }
                return text
            }
            func date(_ name: String) -> String {
                let text = field(name)
                if !text.isEmpty, CalendarDate(text) == nil {
                    diagnostics.report(.error, at: at, "column '\(name)': invalid date '\(text)' (expected a real YYYY-MM-DD date)")
                    ok = false
                }
                return text
            }
            let id = field("id"), title = field("title"), kindText = field("kind"), version = field("version")
            let owner = field("owner"), approved = date("approved"), nextReview = date("nextReview")
            let confidentialityText = field("confidentiality"), location = field("location")
            let kind = EvidenceItem.Kind(rawValue: kindText)
            if kind == nil, !kindText.isEmpty {
                diagnostics.report(.error, at: at, "column 'kind': invalid kind '\(kindText)' (allowed: \(EvidenceItem.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let confidentiality = Confidentiality(rawValue: confidentialityText)
            if confidentiality == nil, !confidentialityText.isEmpty {
                diagnostics.report(
                    .error, at: at, "column 'confidentiality': invalid confidentiality '\(confidentialityText)' (allowed: \(Confidentiality.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard ok, let kind, let confidentiality else { continue }
            result.append(
                EvidenceItem(
                    id: id, title: title, kind: kind, version: version, owner: owner, approved: approved,
                    nextReview: nextReview, confidentiality: confidentiality, location: location))
        }
        return result
    }
}
