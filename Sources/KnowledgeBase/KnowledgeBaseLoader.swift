import Foundation
import ResponderModel
import Spreadsheet
import Yams

/// Reads `Mappings/` and an organisation folder into ``KnowledgeBaseContent``, reporting every
/// problem with its `file:line:column`. It never prints; callers decide what to show.
public enum KnowledgeBaseLoader {
    /// The knowledge-base file format version this build reads (`formatVersion:` in every file).
    public static let formatVersion = YAMLFile.supportedFormatVersion

    /// What a load produced: the content read (partial when there were errors) and the diagnostics.
    public struct Result: Sendable {
        public var content: KnowledgeBaseContent
        public var diagnostics: [Diagnostic]
    }

    /// Loads the mappings folder (`catalogue/*.yaml`, `crosswalks/*.yaml`, `thesaurus.yaml`) and the
    /// organisation folder (files listed in Docs/knowledge-base-formats.md, with one Statement of
    /// Applicability per framework: `soa.yaml` for ISO/IEC 42001, `soa-*.yaml` for the others). Paths in diagnostics
    /// are the folder as given joined with the file name.
    public static func load(mappings: String, organisation folder: String) -> Result {
        var diagnostics = DiagnosticCollector()
        let (catalogue, frameworks) = loadCatalogue(join(mappings, "catalogue"), &diagnostics)
        var crosswalks: [Crosswalk] = []
        for path in yamlFiles(in: join(mappings, "crosswalks")) {
            guard let file = open(path, &diagnostics),
                let top = YAMLObject(
                    file.rootNode, in: file, allowed: ["formatVersion", "framework", "version", "aliases", "entries"],
                    diagnostics: &diagnostics),
                let framework = top.string("framework", required: true, diagnostics: &diagnostics),
                let version = top.string("version", required: true, diagnostics: &diagnostics),
                let aliases = top.strings("aliases", required: false, diagnostics: &diagnostics)
            else { continue }
            let entries: [CrosswalkEntry] = items(file, "entries", allowedTop: nil, allowed: ["id", "title", "iso42001"], &diagnostics) { object, diagnostics in
                guard let id = object.string("id", required: true, diagnostics: &diagnostics),
                    let title = object.string("title", required: true, diagnostics: &diagnostics),
                    let refs = object.strings("iso42001", required: true, diagnostics: &diagnostics)
                else { return nil }
                return CrosswalkEntry(framework: framework, version: version, id: id, title: title, iso42001: refs)
            }
            crosswalks.append(Crosswalk(framework: framework, version: version, aliases: aliases, entries: entries))
        }
        let thesaurus = loadThesaurus(join(mappings, "thesaurus.yaml"), &diagnostics)
        let (profile, folderVersionOK) = loadOrganisation(join(folder, "organisation.yaml"), &diagnostics)
        let (applicability, applicabilityFiles) = loadApplicability(folder, &diagnostics)
        let evidence = folderVersionOK ? loadEvidence(join(folder, "evidence.csv"), &diagnostics) : []
        let systems = loadItems(join(folder, "inventory.yaml"), "systems", AISystemReader.keys, &diagnostics, AISystemReader.read)
        let assessments = loadItems(join(folder, "assessments.yaml"), "assessments", AssessmentReader.keys, &diagnostics, AssessmentReader.read)
        let incidents: [Incident] = loadItems(
            join(folder, "incidents.yaml"), "incidents",
            ["id", "date", "system", "severity", "summary", "customersNotified", "status"],
            &diagnostics
        ) { object, diagnostics in
            guard let id = object.string("id", required: true, diagnostics: &diagnostics),
                let date = object.date("date", required: true, diagnostics: &diagnostics),
                let system = object.string("system", required: true, diagnostics: &diagnostics),
                let severity = object.value("severity", as: Assessment.Finding.Severity.self, diagnostics: &diagnostics),
                let summary = object.string("summary", required: true, diagnostics: &diagnostics),
                let notified = object.bool("customersNotified", diagnostics: &diagnostics),
                let status = object.value("status", as: Incident.Status.self, diagnostics: &diagnostics)
            else { return nil }
            return Incident(
                id: id, date: date, system: system, severity: severity, summary: summary,
                customersNotified: notified, status: status)
        }
        let library: [LibraryAnswer] = loadItems(
            join(folder, "library.yaml"), "answers",
            [
                "id", "question", "alternateQuestions", "choice", "answer", "topic", "controls", "evidence", "systems",
                "assessments", "approvedBy", "approvedDate", "source", "facets",
            ],
            &diagnostics
        ) { object, diagnostics in
            guard let id = object.string("id", required: true, diagnostics: &diagnostics),
                let question = object.string("question", required: true, diagnostics: &diagnostics),
                let answer = object.string("answer", required: true, diagnostics: &diagnostics),
                let topic = object.string("topic", required: true, diagnostics: &diagnostics),
                let controls = object.controlRefs("controls", diagnostics: &diagnostics),
                let evidence = object.strings("evidence", required: false, diagnostics: &diagnostics),
                let systems = object.strings("systems", required: false, diagnostics: &diagnostics),
                let assessments = object.strings("assessments", required: false, diagnostics: &diagnostics),
                let approvedBy = object.string("approvedBy", required: true, diagnostics: &diagnostics),
                let approvedDate = object.date("approvedDate", required: true, diagnostics: &diagnostics),
                let source = object.string("source", required: true, diagnostics: &diagnostics),
                let alternates = object.strings("alternateQuestions", required: false, diagnostics: &diagnostics)
            else { return nil }
            return LibraryAnswer(
                id: id, question: question, choice: object.string("choice", required: false, diagnostics: &diagnostics),
                answer: answer, topic: topic, controls: controls, evidence: evidence, systems: systems,
                assessments: assessments, approvedBy: approvedBy, approvedDate: approvedDate, source: source,
                facets: facets(object, &diagnostics), alternateQuestions: alternates)
        }
        let content = KnowledgeBaseContent(
            version: contentVersion(mappings: mappings, organisation: folder), catalogue: catalogue, crosswalks: crosswalks, thesaurus: thesaurus,
            organisation: profile, applicability: applicability, evidence: evidence,
            systems: systems, assessments: assessments, incidents: incidents, library: library,
            frameworks: frameworks, applicabilityFiles: applicabilityFiles)
        return Result(content: content, diagnostics: diagnostics.diagnostics)
    }

    /// The knowledge-base version: a hash over the name and content of every file the loader reads,
    /// in a fixed order, so any edit to the mappings or the organisation's files changes it.
    static func contentVersion(mappings: String, organisation folder: String) -> String {
        var paths = yamlFiles(in: join(mappings, "catalogue")) + yamlFiles(in: join(mappings, "crosswalks"))
        paths.append(join(mappings, "thesaurus.yaml"))
        paths +=
            ["organisation.yaml"] + applicabilityFileNames(in: folder)
            + [
                "evidence.csv", "inventory.yaml", "assessments.yaml", "incidents.yaml",
                "library.yaml",
            ].map { join(folder, $0) }
        var hash = ContentHash()
        for path in paths {
            hash.add(Array((path as NSString).lastPathComponent.utf8))
            hash.add(FileManager.default.contents(atPath: path) ?? Data())
        }
        return hash.hex
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty || folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }

    /// The `.yaml` files of a folder, sorted by name; none when the folder is missing.
    static func yamlFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { join(folder, $0) }
    }

    static func open(_ path: String, _ diagnostics: inout DiagnosticCollector) -> YAMLFile? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.report(.error, at: SourceLocation(file: path), "file not found or unreadable")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.report(.error, at: SourceLocation(file: path, line: 1), "not valid UTF-8")
            return nil
        }
        return YAMLFile(text: text, path: path, diagnostics: &diagnostics)
    }

    /// Reads the list under `key` of a file's top-level mapping, one object per item.
    static func items<T>(
        _ file: YAMLFile, _ key: String, allowedTop: Set<String>?, allowed: Set<String>,
        _ diagnostics: inout DiagnosticCollector,
        _ read: (YAMLObject, inout DiagnosticCollector) -> T?
    ) -> [T] {
        if let allowedTop, YAMLObject(file.rootNode, in: file, allowed: allowedTop, diagnostics: &diagnostics) == nil { return [] }
        guard let list = file.root[key] else {
            diagnostics.report(.error, at: file.location(of: file.rootNode), "missing required key '\(key)'")
            return []
        }
        guard let sequence = list.sequence else {
            diagnostics.report(.error, at: file.location(of: list), "'\(key)' must be a list")
            return []
        }
        return sequence.compactMap { node in
            YAMLObject(node, in: file, allowed: allowed, diagnostics: &diagnostics).flatMap { read($0, &diagnostics) }
        }
    }

    static func loadItems<T>(
        _ path: String, _ key: String, _ allowed: Set<String>, _ diagnostics: inout DiagnosticCollector,
        _ read: (YAMLObject, inout DiagnosticCollector) -> T?
    ) -> [T] {
        guard let file = open(path, &diagnostics) else { return [] }
        return items(file, key, allowedTop: ["formatVersion", key], allowed: allowed, &diagnostics, read)
    }
}
