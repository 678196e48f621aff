import Foundation
import ResponderModel

extension KnowledgeBaseLoader {
    static let catalogueEntryKeys: Set<String> = [
        "id", "kind", "title", "group", "description", "keywords", "examples",
        "related", "topics",
    ]
    static let applicabilityKeys: Set<String> = [
        "control", "applicable", "justification", "status", "targetDate", "statement",
        "owner", "evidence", "facets",
    ]
    static let facetKeys: Set<String> = ["id", "aspect", "examples", "keywords", "statement", "stance", "evidence", "systems"]

    /// Every catalogue file of `folder`: each names its framework (a ``FrameworkCode``), title and
    /// version at the top (and may list subject words), and its entries belong to that framework.
    static func loadCatalogue(_ folder: String, _ diagnostics: inout DiagnosticCollector)
        -> ([CatalogueEntry], [CatalogueFramework])
    {
        var catalogue: [CatalogueEntry] = []
        var frameworks: [FrameworkCode: CatalogueFramework] = [:]
        for path in yamlFiles(in: folder) {
            guard let file = open(path, &diagnostics),
                let top = YAMLObject(
                    file.rootNode, in: file, allowed: ["formatVersion", "framework", "title", "version", "subjects", "subjectRequired", "entries"],
                    diagnostics: &diagnostics),
                let code = top.value("framework", as: FrameworkCode.self, diagnostics: &diagnostics),
                let title = top.string("title", required: true, diagnostics: &diagnostics),
                let version = top.string("version", required: true, diagnostics: &diagnostics),
                let subjects = top.strings("subjects", required: false, diagnostics: &diagnostics)
            else { continue }
            if let known = frameworks[code], known.title != title || known.version != version {
                diagnostics.report(
                    .error, at: top.location(of: "version"),
                    "\(code.rawValue) is catalogued as \(known.title) \(known.version) in another file, not \(title) \(version)")
            } else {
                frameworks[code, default: CatalogueFramework(code: code, title: title, version: version)].subjects += subjects
                if top.has("subjectRequired"), let required = top.bool("subjectRequired", diagnostics: &diagnostics), required {
                    frameworks[code]?.subjectRequired = true
                }
            }
            catalogue += items(file, "entries", allowedTop: nil, allowed: catalogueEntryKeys, &diagnostics) { object, diagnostics in
                guard let id = object.string("id", required: true, diagnostics: &diagnostics),
                    let kind = object.value("kind", as: CatalogueEntry.Kind.self, diagnostics: &diagnostics),
                    let title = object.string("title", required: true, diagnostics: &diagnostics),
                    let group = object.string("group", required: true, diagnostics: &diagnostics),
                    let description = object.string("description", required: true, diagnostics: &diagnostics),
                    let keywords = object.strings("keywords", required: false, diagnostics: &diagnostics),
                    let examples = object.strings("examples", required: false, diagnostics: &diagnostics),
                    let related = object.controlRefs("related", diagnostics: &diagnostics),
                    let topicNames = object.strings("topics", required: false, diagnostics: &diagnostics)
                else { return nil }
                var topics: [FactTopic] = []
                for name in topicNames {
                    if let topic = FactTopic(rawValue: name) {
                        topics.append(topic)
                    } else {
                        let allowed = FactTopic.allCases.map(\.rawValue).joined(separator: ", ")
                        diagnostics.report(.error, at: object.location(of: "topics"), "invalid topic '\(name)' (allowed: \(allowed))")
                    }
                }
                return CatalogueEntry(
                    framework: code, id: id, kind: kind, title: title, group: group, description: description,
                    keywords: keywords, examples: examples, related: related, topics: topics)
            }
        }
        return (catalogue, frameworks.values.sorted { $0.code < $1.code })
    }

    /// The Statement of Applicability file names of an organisation folder: `soa.yaml`, then the
    /// `soa-*.yaml` files sorted by name.
    static func applicabilityFileNames(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return ["soa.yaml"] + names.filter { $0.hasPrefix("soa-") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
    }

    /// Reads `soa.yaml` (ISO/IEC 42001 unless its `framework` says otherwise) and every
    /// `soa-*.yaml` (which must name its `framework`); one file per framework.
    static func loadApplicability(_ folder: String, _ diagnostics: inout DiagnosticCollector)
        -> ([ApplicabilityEntry], [FrameworkCode: String])
    {
        var entries: [ApplicabilityEntry] = []
        var files: [FrameworkCode: String] = [:]
        for name in applicabilityFileNames(in: folder) {
            let path = join(folder, name)
            guard let file = open(path, &diagnostics),
                let top = YAMLObject(file.rootNode, in: file, allowed: ["formatVersion", "framework", "controls"], diagnostics: &diagnostics)
            else { continue }
            let required = name != "soa.yaml"
            guard
                let framework = top.mapping["framework"] == nil && !required
                    ? .iso42001 : top.value("framework", as: FrameworkCode.self, diagnostics: &diagnostics)
            else { continue }
            if let other = files[framework] {
                diagnostics.report(
                    .error, at: top.location(of: "framework"),
                    "a second Statement of Applicability for \(framework.rawValue) (the first is \(other))")
                continue
            }
            files[framework] = name
            entries += items(file, "controls", allowedTop: nil, allowed: applicabilityKeys, &diagnostics) { object, diagnostics in
                guard let control = object.string("control", required: true, diagnostics: &diagnostics),
                    let applicable = object.bool("applicable", diagnostics: &diagnostics),
                    let status = object.value("status", as: ControlStatus.self, diagnostics: &diagnostics),
                    let statement = object.string("statement", required: true, diagnostics: &diagnostics),
                    let owner = object.string("owner", required: true, diagnostics: &diagnostics),
                    let evidence = object.strings("evidence", required: false, diagnostics: &diagnostics)
                else { return nil }
                return ApplicabilityEntry(
                    framework: framework, control: control, applicable: applicable,
                    justification: object.string("justification", required: false, diagnostics: &diagnostics),
                    status: status,
                    targetDate: object.date("targetDate", required: false, diagnostics: &diagnostics),
                    statement: statement, owner: owner, evidence: evidence,
                    facets: facets(object, &diagnostics))
            }
        }
        return (entries, files)
    }

    /// A Statement of Applicability line's or a library answer's `facets:`: each needs an ID unique within the line, an
    /// aspect, at least one example question, a statement and a stance.
    static func facets(_ object: YAMLObject, _ diagnostics: inout DiagnosticCollector) -> [AnswerFacet] {
        guard let list = object.mapping["facets"] else { return [] }
        guard let sequence = list.sequence else {
            diagnostics.report(.error, at: object.file.location(of: list), "'facets' must be a list")
            return []
        }
        var seen = Set<String>()
        return sequence.compactMap { node -> AnswerFacet? in
            guard let facet = YAMLObject(node, in: object.file, allowed: facetKeys, diagnostics: &diagnostics),
                let id = facet.string("id", required: true, diagnostics: &diagnostics),
                let aspect = facet.string("aspect", required: true, diagnostics: &diagnostics),
                let examples = facet.strings("examples", required: true, diagnostics: &diagnostics),
                let keywords = facet.strings("keywords", required: false, diagnostics: &diagnostics),
                let statement = facet.string("statement", required: true, diagnostics: &diagnostics),
                let stance = facet.value("stance", as: FacetStance.self, diagnostics: &diagnostics),
                let evidence = facet.strings("evidence", required: false, diagnostics: &diagnostics),
                let systems = facet.strings("systems", required: false, diagnostics: &diagnostics)
            else { return nil }
            guard seen.insert(id).inserted else {
                diagnostics.report(.error, at: facet.location(of: "id"), "a second facet '\(id)' on this control")
                return nil
            }
            if examples.isEmpty {
                diagnostics.report(.error, at: facet.location(of: "examples"), "a facet needs at least one example question")
                return nil
            }
            return AnswerFacet(
                id: id, aspect: aspect, examples: examples, keywords: keywords, statement: statement,
                stance: stance, evidence: evidence, systems: systems)
        }
    }
}
