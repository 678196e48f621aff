import Foundation
import Testing
import TestSupport

/// Runs the built `responder inspect` on the bundled samples and checks the JSON contract.
@Suite struct InspectEndToEndTests {
    @Test func jsonHasTheDocumentedShape() throws {
        let outcome = try ResponderBinary.run([
            "inspect", "Samples/questionnaires/globex-ai-vendor-assessment.xlsx",
            "Samples/questionnaires/acme-retail-ai-questions.csv", "--format", "json",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count == 2)
        let globex = try #require(files[0]["questions"] as? [[String: Any]])
        // 51 questions on the AI Governance sheet (49 with IDs, 2 follow-ups) and 8 on Security.
        #expect(globex.count == 59)
        let first = try #require(globex.first)
        #expect(first["id"] as? String == "AIG-01")
        #expect(first["sheet"] as? String == "AI Governance")
        #expect(first["row"] as? Int == 6)
        #expect((first["text"] as? String)?.hasPrefix("Does your organisation maintain") == true)
        let cells = try #require(first["answerCells"] as? [[String: Any]])
        #expect(cells.first?["column"] as? String == "C")
        #expect(cells.first?["kind"] as? String == "choice")
        #expect(cells.first?["allowed"] as? [String] == ["Yes", "No", "N/A"])
        #expect(cells.dropFirst().first?["kind"] as? String == "text")
        let acme = try #require(files[1]["questions"] as? [[String: Any]])
        #expect(acme.count == 20)
        #expect(acme.first?["row"] as? Int == 2)
        #expect(files[0]["diagnostics"] is [[String: Any]])
    }

    @Test func aBadFileIsReportedAndTheOthersGoOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let legacy = folder.appendingPathComponent("old.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: legacy)
        let outcome = try ResponderBinary.run(["inspect", legacy.path, "Samples/questionnaires/acme-retail-ai-questions.csv", "--format", "json"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("save") && outcome.stdout.contains(".xlsx"))
        #expect(outcome.stdout.contains("AR-01"))
    }
}
