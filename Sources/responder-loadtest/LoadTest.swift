import Foundation
import ResponderModel
import RunStore
import Workflow

/// The load test: reviewer processes deciding questions concurrently against one store.
///
///     responder-loadtest --store PATH_OR_URL [--reviewers 8] [--questions 500]
///
/// records one run of reviewers x questions questions, starts that many worker processes (this
/// executable with `worker ...`), each deciding its own questions one transaction at a time, and
/// checks afterwards that every decision is in the store, that the audit log has exactly one entry
/// per change, and that no worker failed (a lock or busy error included). It prints decisions per
/// second; exit status 1 when a check fails.
@main
struct LoadTest {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if arguments.first == "worker" {
                arguments.removeFirst()
                try await worker(Options(arguments))
            } else {
                try await coordinate(Options(arguments))
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }

    struct Options {
        var store = ""
        var reviewers = 8
        var questions = 500
        var run = ""
        var reviewer = 0

        init(_ arguments: [String]) throws {
            var index = 0
            func value() throws -> String {
                index += 1
                guard index < arguments.count else { throw UsageError(message: "\(arguments[index - 1]) needs a value") }
                return arguments[index]
            }
            while index < arguments.count {
                switch arguments[index] {
                case "--store": store = try value()
                case "--reviewers": reviewers = Int(try value()) ?? 0
                case "--questions": questions = Int(try value()) ?? 0
                case "--run": run = try value()
                case "--reviewer": reviewer = Int(try value()) ?? 0
                default: throw UsageError(message: "unknown argument \(arguments[index])")
                }
                index += 1
            }
            guard !store.isEmpty, reviewers > 0, questions > 0 else {
                throw UsageError(message: "usage: responder-loadtest --store PATH_OR_URL [--reviewers 8] [--questions 500]")
            }
        }

        var location: StoreLocation {
            StoreLocation(store, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        }
    }

    struct UsageError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Records the run, starts the workers, waits for them and checks the store.
    static func coordinate(_ options: Options) async throws {
        let store = try await RunStoreOpener.open(options.location)
        let total = options.reviewers * options.questions
        let cells = [AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No"]), AnswerCell(column: "D", kind: .text)]
        let drafted = (1...total).map { number in
            DraftedQuestion(
                question: Question(id: "Q-\(number)", sheet: "Load", row: number + 1, text: "Question \(number)?", answerCells: cells),
                intent: .yesno, matches: [],
                answer: DraftAnswer(choice: "Yes", text: "Draft \(number).", citations: [], confidence: .high, score: 0.9, flags: []))
        }
        let run = try await store.recordRun(
            RunDraft(
                path: "/load/\(UUID().uuidString).xlsx", contentHash: "load", kbVersion: "load",
                asOf: "2026-01-01", createdAt: "2026-01-01T00:00:00Z", drafted: drafted))
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let started = Date()
        var workers: [(process: Process, errors: Pipe)] = []
        for reviewer in 0..<options.reviewers {
            let process = Process()
            process.executableURL = executable
            process.arguments = [
                "worker", "--store", options.store, "--run", run, "--reviewer", String(reviewer),
                "--reviewers", String(options.reviewers), "--questions", String(options.questions),
            ]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            workers.append((process, errors))
        }
        var failures: [String] = []
        for (index, worker) in workers.enumerated() {
            let stderr = String(decoding: worker.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            worker.process.waitUntilExit()
            if worker.process.terminationStatus != 0 || !stderr.isEmpty {
                failures.append("reviewer \(index) exited \(worker.process.terminationStatus): \(stderr)")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let decisions = try await store.decisions(run: run)
        let audit = try await store.auditLog(run: run)
        try await store.close()
        let lockErrors = failures.filter { $0.lowercased().contains("lock") || $0.lowercased().contains("busy") }
        let kind = if case .postgres = options.location { "postgres" } else { "sqlite" }
        print(
            String(
                format: "%@: %d reviewer processes x %d questions: %d decisions, %d audit entries in %.2f s: %.0f decisions/s",
                kind, options.reviewers, options.questions, decisions.count, audit.count, seconds, Double(total) / seconds))
        var problems = failures
        if decisions.count != total { problems.append("\(decisions.count) decisions in the store, expected \(total)") }
        if audit.count != total { problems.append("\(audit.count) audit entries, expected exactly one per change (\(total))") }
        if Set(audit.map(\.key)).count != total { problems.append("audit entries do not cover each question once") }
        if !lockErrors.isEmpty { problems.append("\(lockErrors.count) workers failed with a lock error") }
        guard problems.isEmpty else { throw UsageError(message: problems.joined(separator: "\n")) }
    }

    /// Decides this reviewer's questions, each in its own transaction.
    static func worker(_ options: Options) async throws {
        let store = try await RunStoreOpener.open(options.location)
        let first = options.reviewer * options.questions + 1
        for number in first..<(first + options.questions) {
            let status: ReviewDecision.Status = number % 5 == 0 ? .rejected : .approved
            let result = try await store.decide(
                run: options.run, [DecisionRequest(key: "Q-\(number)", status: status, base: 0)],
                reviewer: "reviewer-\(options.reviewer)", at: "2026-01-02T00:00:00Z")
            guard case .recorded = result[0] else { throw UsageError(message: "Q-\(number): \(result[0])") }
        }
        try await store.close()
    }
}
