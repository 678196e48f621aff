import Foundation
import ResponderModel
import Spreadsheet
import Yams

/// Loads `Mappings/` and an organisation's knowledge-base folder into `KnowledgeBaseContent`.
/// Never throws: every problem becomes a located diagnostic, and what could be read is returned.
public enum KnowledgeBaseLoader {
    /// The format version this build reads.
    public static let formatVersion = 1

    private struct Header: Decodable { var formatVersion: Int }
    private struct CatalogueFile: Decodable { var entries: [CatalogueEntry] }
    private struct CrosswalkFile: Decodable {
        struct Entry: Decodable { var id: String; var title: String; var iso42001: [String] }
        var framework: String
        var version: String
        var aliases: [String]
        var entries: [Entry]
    }
    private struct ThesaurusFile: Decodable {
        var abbreviations: [String: String]?
        var synonyms: [[String]]?
    }
    private struct OrganisationFile: Decodable {
        var name: String
        var products: [Organisation.Product]?
        var certifications: [Organisation.Certification]?
        var governance: Organisation.Governance?
    }
    private struct ApplicabilityFile: Decodable { var controls: [ApplicabilityEntry] }
    private struct InventoryFile: Decodable { var systems: [AISystem] }
    private struct AssessmentFile: Decodable { var assessments: [Assessment] }
    private struct IncidentFile: Decodable { var incidents: [Incident] }
    private struct LibraryFile: Decodable { var answers: [LibraryAnswer] }

    /// Loads both folders. `version` in the result hashes every file read, path and content.
    public static func load(mappings: URL, organisation: URL) -> LoadedKnowledgeBase {
        var context = Context()
        let catalogueFiles = context.yamlFiles(in: mappings.appendingPathComponent("catalogue"))
        var catalogue: [CatalogueEntry] = []
        for file in catalogueFiles {
            catalogue += context.decode(CatalogueFile.self, file, base: mappings)?.entries ?? []
        }
        var crosswalks: [Crosswalk] = []
        for file in context.yamlFiles(in: mappings.appendingPathComponent("crosswalks")) {
            guard let decoded = context.decode(CrosswalkFile.self, file, base: mappings) else { continue }
            crosswalks.append(Crosswalk(framework: decoded.framework, version: decoded.version, aliases: decoded.aliases,
                                        entries: decoded.entries.map {
                                            CrosswalkEntry(framework: decoded.framework, version: decoded.version, id: $0.id,
                                                           title: $0.title, iso42001: $0.iso42001)
                                        }))
        }
        let thesaurusFile = context.decode(ThesaurusFile.self, mappings.appendingPathComponent("thesaurus.yaml"), base: mappings)
        let thesaurus = Thesaurus(abbreviations: thesaurusFile?.abbreviations ?? [:], synonyms: thesaurusFile?.synonyms ?? [])

        let organisationFile = context.decode(OrganisationFile.self, organisation.appendingPathComponent("organisation.yaml"), base: organisation)
        let profile = Organisation(name: organisationFile?.name ?? "", products: organisationFile?.products ?? [],
                                   certifications: organisationFile?.certifications ?? [], governance: organisationFile?.governance)
        let applicability = context.decode(ApplicabilityFile.self, organisation.appendingPathComponent("soa.yaml"), base: organisation)?.controls ?? []
        let evidence = context.evidence(organisation.appendingPathComponent("evidence.csv"), base: organisation)
        let systems = context.decode(InventoryFile.self, organisation.appendingPathComponent("inventory.yaml"), base: organisation)?.systems ?? []
        let assessments = context.decode(AssessmentFile.self, organisation.appendingPathComponent("assessments.yaml"), base: organisation)?.assessments ?? []
        let incidents = context.decode(IncidentFile.self, organisation.appendingPathComponent("incidents.yaml"), base: organisation)?.incidents ?? []
        let library = context.decode(LibraryFile.self, organisation.appendingPathComponent("library.yaml"), base: organisation)?.answers ?? []

        let content = KnowledgeBaseContent(
            version: context.hash.hex, catalogue: catalogue, crosswalks: crosswalks, thesaurus: thesaurus, organisation: profile,
            applicability: applicability, evidence: evidence, systems: systems, assessments: assessments, incidents: incidents,
            library: library)
        return LoadedKnowledgeBase(content: content, diagnostics: context.diagnostics)
    }

    /// Reading state: the running version hash and the diagnostics so far.
    private struct Context {
        var hash = ContentHash()
        var diagnostics: [Diagnostic] = []

        mutating func yamlFiles(in folder: URL) -> [URL] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder.appendingPathComponent($0) }
        }

        private mutating func read(_ file: URL, base: URL) -> (Data, String)? {
            let display = file.path
            guard let data = try? Data(contentsOf: file) else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: display), "cannot read the file"))
                return nil
            }
            hash.add(Array(file.lastPathComponent.utf8))
            hash.add(data)
            return (data, display)
        }

        mutating func decode<T: Decodable>(_ type: T.Type, _ file: URL, base: URL) -> T? {
            guard let (data, display) = read(file, base: base) else { return nil }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: display, line: 1), "not valid UTF-8"))
                return nil
            }
            do {
                let header = try YAMLDecoder().decode(Header.self, from: text)
                guard header.formatVersion == KnowledgeBaseLoader.formatVersion else {
                    diagnostics.append(Diagnostic(.error, at: SourceLocation(file: display, line: 1),
                                                  "unsupported format version \(header.formatVersion) (this build reads \(KnowledgeBaseLoader.formatVersion))"))
                    return nil
                }
                return try YAMLDecoder().decode(T.self, from: text)
            } catch {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: display), KnowledgeBaseLoader.describe(error)))
                return nil
            }
        }

        mutating func evidence(_ file: URL, base: URL) -> [EvidenceItem] {
            guard let (data, display) = read(file, base: base) else { return [] }
            let sheet: Sheet
            do {
                guard let first = try CSVReader.read(data: data, path: display).sheets.first else { return [] }
                sheet = first
            } catch {
                diagnostics.append(Diagnostic(.error, at: error.location, error.message))
                return []
            }
            guard let header = sheet.rows.first else { return [] }
            var columns: [String: Int] = [:]
            for cell in header.cells { columns[cell.value.displayText.trimmingCharacters(in: .whitespaces)] = cell.address.column }
            let required = ["id", "title", "kind", "version", "owner", "approved", "nextReview", "confidentiality", "location"]
            for name in required where columns[name] == nil {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: display, line: 1), "missing column '\(name)'"))
            }
            guard required.allSatisfy({ columns[$0] != nil }) else { return [] }
            var items: [EvidenceItem] = []
            for row in sheet.rows.dropFirst() {
                func field(_ name: String) -> String {
                    row.cell(inColumn: columns[name]!)?.value.displayText.trimmingCharacters(in: .whitespaces) ?? ""
                }
                let location = SourceLocation(file: display, line: row.number)
                guard let kind = EvidenceItem.Kind(rawValue: field("kind")) else {
                    diagnostics.append(Diagnostic(.error, at: location, "column 'kind': unknown value '\(field("kind"))' (allowed: \(EvidenceItem.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"))
                    continue
                }
                guard let tier = Confidentiality(rawValue: field("confidentiality")) else {
                    diagnostics.append(Diagnostic(.error, at: location, "column 'confidentiality': unknown value '\(field("confidentiality"))' (allowed: public, nda, internal)"))
                    continue
                }
                items.append(EvidenceItem(id: field("id"), title: field("title"), kind: kind, version: field("version"), owner: field("owner"),
                                          approved: field("approved"), nextReview: field("nextReview"), confidentiality: tier,
                                          location: field("location")))
            }
            return items
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        default:
            return "\(error)"
        }
    }

    private static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
