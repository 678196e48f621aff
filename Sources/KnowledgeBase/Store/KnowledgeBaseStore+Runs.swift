import Foundation
import GRDB
import ResponderModel

/// Draft runs, review decisions and the audit log.
extension KnowledgeBaseStore {
    /// The fingerprint of a file's bytes stored as a run's `contentHash`, to notice a changed input.
    public static func fingerprint(_ data: Data) -> String {
        var hash = ContentHash()
        hash.add(data)
        return hash.hex
    }

    /// The run ID for these inputs: the same inputs always give the same ID.
    public static func runID(path: String, contentHash: String, kbVersion: String, asOf: String) -> String {
        var hash = ContentHash()
        for part in [path, contentHash, kbVersion, asOf] { hash.add(part.utf8) }
        return String(hash.hex.prefix(12))
    }

    /// Records one drafted questionnaire as a run, replacing the questions of an earlier run with
    /// the same ID in the same transaction (its decisions and audit log are kept).
    ///
    /// - Parameter createdAt: ISO 8601 UTC; stored only here.
    /// - Returns: the run ID (``runID(path:contentHash:kbVersion:asOf:)``).
    @discardableResult
    public func recordRun(path: String, contentHash: String, kbVersion: String, asOf: String, createdAt: String,
                          questions: [DraftedQuestion]) throws -> String {
        let id = Self.runID(path: path, contentHash: contentHash, kbVersion: kbVersion, asOf: asOf)
        try dbQueue.write { db in
            try RunRecord(id: id, path: path, contentHash: contentHash, kbVersion: kbVersion, asOf: asOf,
                          createdAt: createdAt).upsert(db)
            try RunQuestionRecord.filter(Column("run_id") == id).deleteAll(db)
            for (position, drafted) in questions.enumerated() {
                try RunQuestionRecord(runId: id, position: position, drafted).insert(db)
            }
        }
        return id
    }

    /// Every recorded run, oldest first (by `createdAt`, then ID).
    public func runs() throws -> [RunSummary] {
        try dbQueue.read { db in
            try RunRecord.order(Column("created_at"), Column("id")).fetchAll(db).map(\.summary)
        }
    }

    /// One run, or nil when there is no run with that ID.
    public func run(_ id: String) throws -> RunSummary? {
        try dbQueue.read { db in try RunRecord.fetchOne(db, key: id)?.summary }
    }

    /// The questions of a run in questionnaire order.
    /// - Throws: ``ReviewError`` `.unknownRun`.
    public func questions(run id: String) throws -> [RunQuestion] {
        try dbQueue.read { db in
            guard try RunRecord.exists(db, key: id) else { throw Self.unknownRun(id) }
            return try Self.questions(run: id, db)
        }
    }

    /// The decisions of a run, in questionnaire order.
    /// - Throws: ``ReviewError`` `.unknownRun`.
    public func decisions(run id: String) throws -> [ReviewDecision] {
        try dbQueue.read { db in
            guard try RunRecord.exists(db, key: id) else { throw Self.unknownRun(id) }
            let order = Dictionary(try Self.questions(run: id, db).map { ($0.key, $0.position) }) { first, _ in first }
            return try DecisionRecord.filter(Column("run_id") == id).fetchAll(db)
                .sorted { (order[$0.key] ?? .max, $0.key) < (order[$1.key] ?? .max, $1.key) }
                .compactMap(\.decision)
        }
    }

    /// Records a reviewer's verdict and appends it to the audit log, in one transaction.
    ///
    /// `approved` takes the draft's choice and text as they are (`choice` and `text` are ignored;
    /// a drafted choice the dropdown does not allow is refused);
    /// `edited` takes `choice` and/or `text`, keeping the draft's value for the one not given;
    /// `rejected` stores neither. Deciding what is already decided (same status, choice and text)
    /// writes nothing.
    /// - Parameters:
    ///   - key: the question's `key`, or its bare ID when that names one question of the run.
    ///   - at: ISO 8601 UTC.
    /// - Returns: the key the decision was stored under and whether anything changed.
    /// - Throws: ``ReviewError`` for an unknown run or key, a choice the dropdown does not allow,
    ///   a value for a cell the question lacks, an edit without a value, or an empty reviewer.
    @discardableResult
    public func decide(run id: String, key: String, status: ReviewDecision.Status, choice: String? = nil,
                       text: String? = nil, reviewer: String, at: String) throws -> (key: String, changed: Bool) {
        let request = DecisionRequest(key: key, status: status, choice: choice, text: text)
        switch try decide(run: id, [request], reviewer: reviewer, at: at)[0] {
        case .recorded(let key): return (key, true)
        case .unchanged(let key): return (key, false)
        case .refused(let error): throw error
        }
    }

    /// Records a batch of verdicts (see ``decide(run:key:status:choice:text:reviewer:at:)`` for
    /// what each status records) in ONE transaction: if the process dies, SQLite fails or
    /// `afterEach` throws, the store is left exactly as it was. A request that is refused does not
    /// stop the others.
    /// - Parameters:
    ///   - afterEach: called inside the transaction with the number of requests handled so far;
    ///     throwing from it rolls the whole batch back.
    /// - Returns: one result per request, in order.
    /// - Throws: ``ReviewError`` for an unknown run or an empty reviewer (nothing is written);
    ///   SQLite errors; whatever `afterEach` throws.
    public func decide(run id: String, _ requests: [DecisionRequest], reviewer: String, at: String,
                       afterEach: (Int) throws -> Void = { _ in }) throws -> [DecisionResult] {
        guard !reviewer.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ReviewError(.incomplete, "a decision needs a reviewer")
        }
        return try dbQueue.write { db in
            guard let run = try RunRecord.fetchOne(db, key: id) else { throw Self.unknownRun(id) }
            let questions = try Self.questions(run: id, db)
            var results: [DecisionResult] = []
            for (index, request) in requests.enumerated() {
                do {
                    let outcome = try Self.record(request, run: run, questions: questions, reviewer: reviewer, at: at, db)
                    results.append(outcome.changed ? .recorded(key: outcome.key) : .unchanged(key: outcome.key))
                } catch let error as ReviewError {
                    results.append(.refused(error))
                }
                try afterEach(index + 1)
            }
            return results
        }
    }

    /// Records one verdict inside the caller's transaction. Every refusal is thrown before anything
    /// is written, so a refused request leaves no trace in the batch.
    private static func record(_ request: DecisionRequest, run: RunRecord, questions: [RunQuestion], reviewer: String,
                               at: String, _ db: Database) throws -> (key: String, changed: Bool) {
        let id = run.id
        let question = try resolve(request.key, in: questions, run: id)
        var decided: (choice: String?, text: String?)
        switch request.status {
        case .approved:
            if let draft = question.draftChoice, let allowed = question.allowed, !allowed.contains(draft) {
                throw ReviewError(.choiceNotAllowed, "\(id) \(question.key): the draft's choice '\(draft)' is not allowed "
                                  + "by the dropdown (\(allowed.joined(separator: ", "))); edit it instead")
            }
            decided = (question.draftChoice, question.draftText)
        case .rejected:
            decided = (nil, nil)
        case .edited:
            guard request.choice != nil || request.text != nil else {
                throw ReviewError(.incomplete, "\(id) \(question.key): an edit needs a choice or a text")
            }
            try check(choice: request.choice, text: request.text, for: question, run: id)
            decided = (request.choice ?? question.draftChoice, request.text ?? question.draftText)
        }
        let status = request.status
        let existing = try DecisionRecord.fetchOne(db, key: ["run_id": id, "key": question.key])
        if let existing, existing.status == status.rawValue, existing.choice == decided.choice, existing.text == decided.text {
            return (question.key, false)
        }
        let record = DecisionRecord(runId: id, key: question.key, status: status.rawValue, choice: decided.choice,
                                    text: decided.text, reviewer: reviewer, decidedAt: at)
        try record.upsert(db)
        try AuditLogRecord(id: nil, runId: id, key: question.key, action: status.rawValue, reviewer: reviewer, at: at,
                           before: existing.map(auditJSON), after: auditJSON(record),
                           kbVersion: run.kbVersion).insert(db)
        return (question.key, true)
    }

    /// Number of audit-log rows, for checks that the log only grows.
    public func auditLogCount() throws -> Int {
        try dbQueue.read { db in try AuditLogRecord.fetchCount(db) }
    }

    private static func questions(run id: String, _ db: Database) throws -> [RunQuestion] {
        try RunQuestionRecord.filter(Column("run_id") == id).order(Column("position")).fetchAll(db).map(\.question)
    }

    private static func resolve(_ key: String, in questions: [RunQuestion], run: String) throws -> RunQuestion {
        if let exact = questions.first(where: { $0.key == key }) { return exact }
        let byID = questions.filter { !$0.questionId.isEmpty && $0.questionId == key }
        if byID.count == 1 { return byID[0] }
        if byID.count > 1 {
            throw ReviewError(.ambiguousKey, "run \(run): '\(key)' names \(byID.count) questions; use one of "
                              + byID.map(\.key).joined(separator: ", "))
        }
        throw ReviewError(.unknownKey, "run \(run) has no question '\(key)'")
    }

    private static func check(choice: String?, text: String?, for question: RunQuestion, run: String) throws {
        let place = "\(run) \(question.key) (\(question.sheet) row \(question.row))"
        if let choice {
            guard question.choiceColumn != nil else {
                throw ReviewError(.incomplete, "\(place) has no choice cell; give --text only")
            }
            if let allowed = question.allowed, !allowed.contains(choice) {
                throw ReviewError(.choiceNotAllowed, "\(place): '\(choice)' is not allowed by the dropdown; allowed: "
                                  + allowed.joined(separator: ", "))
            }
        }
        if text != nil, question.textColumn == nil {
            throw ReviewError(.incomplete, "\(place) has no text cell; give --choice only")
        }
    }

    private static func auditJSON(_ record: DecisionRecord) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value = ["status": record.status, "choice": record.choice, "text": record.text]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    private static func unknownRun(_ id: String) -> ReviewError {
        ReviewError(.unknownRun, "no run '\(id)' in the store; `responder runs` lists them")
    }
}

extension RunRecord {
    var summary: RunSummary {
        RunSummary(id: id, path: path, contentHash: contentHash, kbVersion: kbVersion, asOf: asOf, createdAt: createdAt)
    }
}

extension RunQuestionRecord {
    init(runId: String, position: Int, _ drafted: DraftedQuestion) {
        let question = drafted.question
        let choiceCell = question.answerCells.first { $0.kind == .choice }
        self.init(runId: runId, position: position, key: question.key, sheet: question.sheet, row: question.row,
                  questionId: question.id, text: question.text, choiceColumn: choiceCell?.column,
                  textColumn: question.answerCells.first { $0.kind == .text }?.column,
                  allowed: choiceCell?.allowed?.joined(separator: "\n"), draftChoice: drafted.answer.choice,
                  draftText: drafted.answer.text, confidence: drafted.answer.confidence.rawValue,
                  flags: drafted.answer.flags.map(\.rawValue).joined(separator: "\n"),
                  citations: drafted.answer.citations.map(\.encoded).joined(separator: "\n"))
    }

    var question: RunQuestion {
        RunQuestion(position: position, key: key, sheet: sheet, row: row, questionId: questionId, text: text,
                    choiceColumn: choiceColumn, textColumn: textColumn,
                    allowed: allowed.map { $0.isEmpty ? [] : $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) },
                    draftChoice: draftChoice, draftText: draftText, confidence: confidence,
                    flags: flags.isEmpty ? [] : flags.split(separator: "\n").map(String.init),
                    citations: citations.isEmpty ? [] : citations.split(separator: "\n").map(String.init))
    }
}

extension DecisionRecord {
    var decision: ReviewDecision? {
        ReviewDecision.Status(rawValue: status).map {
            ReviewDecision(runId: runId, key: key, status: $0, choice: choice, text: text, reviewer: reviewer, decidedAt: decidedAt)
        }
    }
}
