import ArgumentParser
import Foundation
import KnowledgeBase
import ResponderModel

/// `responder kb check`: validates a knowledge base and prints located errors and warnings.
struct KBCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the knowledge base: errors with file:line:column, warnings for stale evidence, overdue assessments and gaps.",
        discussion: """
            Exit status 1 when there are errors; warnings alone exit 0.

            Examples:
              responder kb check --kb my-kb
              responder kb check --as-of 2026-11-23 --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let workspace = try knowledgeBase.workspace()
        let kb = try knowledgeBase.kbFolder(workspace)
        let loaded = try knowledgeBase.load(workspace)
        var diagnostics = loaded.diagnostics
        // Cross-file checks only make sense on files that loaded cleanly.
        if !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += KnowledgeBaseChecker.check(
                loaded.content, organisation: kb,
                mappings: knowledgeBase.mappingsFolder(workspace).path, asOf: asOf.date)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        switch format {
        case .text:
            for diagnostic in diagnostics { print(TerminalText.safe(diagnostic.description)) }
            print("\(kb): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") (as of \(asOf.date), version \(loaded.content.version))")
        case .json:
            struct Report: Encodable {
                struct Item: Encodable { var severity: String; var location: String; var message: String }
                var kb: String
                var kbVersion: String
                var asOf: String
                var errors: Int
                var warnings: Int
                var diagnostics: [Item]
            }
            let report = Report(
                kb: kb, kbVersion: loaded.content.version, asOf: asOf.date, errors: errors,
                warnings: warnings,
                diagnostics: diagnostics.map {
                    Report.Item(severity: $0.severity.rawValue, location: $0.location.description, message: $0.message)
                })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
        if errors > 0 { throw ExitCode.failure }
    }
}
