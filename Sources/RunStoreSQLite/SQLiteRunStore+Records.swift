import RunStore

extension RunRecord {
    var summary: RunSummary {
        RunSummary(id: id, path: path, contentHash: contentHash, kbVersion: kbVersion, asOf: asOf, createdAt: createdAt)
    }
}

extension RunQuestionRecord {
    init(runId: String, _ question: RunQuestion) {
        self.init(
            runId: runId, position: question.position, key: question.key, sheet: question.sheet, row: question.row,
            questionId: question.questionId, text: question.text, choiceColumn: question.choiceColumn,
            textColumn: question.textColumn, allowed: question.allowed?.joined(separator: "\n"),
            draftChoice: question.draftChoice, draftText: question.draftText, confidence: question.confidence,
            flags: question.flags.joined(separator: "\n"), citations: question.citations.joined(separator: "\n"))
    }

    var question: RunQuestion {
        RunQuestion(
            position: position, key: key, sheet: sheet, row: row, questionId: questionId, text: text,
            choiceColumn: choiceColumn, textColumn: textColumn,
            allowed: allowed.map { $0.isEmpty ? [] : $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) },
            draftChoice: draftChoice, draftText: draftText, confidence: confidence,
            flags: flags.isEmpty ? [] : flags.split(separator: "\n").map(String.init),
            citations: citations.isEmpty ? [] : citations.split(separator: "\n").map(String.init))
    }
}

extension DecisionRecord {
    init(_ decision: ReviewDecision) {
        self.init(
            runId: decision.runId, key: decision.key, status: decision.status.rawValue, choice: decision.choice,
            text: decision.text, notes: decision.notes, reviewer: decision.reviewer, decidedAt: decision.decidedAt,
            revision: decision.revision, basedOn: decision.basedOn, draftHash: decision.draftHash)
    }

    var decision: ReviewDecision? {
        ReviewDecision.Status(rawValue: status).map {
            ReviewDecision(
                runId: runId, key: key, status: $0, choice: choice, text: text, notes: notes, reviewer: reviewer,
                decidedAt: decidedAt, revision: revision, basedOn: basedOn, draftHash: draftHash)
        }
    }
}

extension AuditLogRecord {
    init(_ entry: AuditEntry, id: Int64?) {
        self.init(
            id: id, runId: entry.runId, key: entry.key, action: entry.action, reviewer: entry.reviewer, at: entry.at,
            before: entry.before, after: entry.after, kbVersion: entry.kbVersion, notes: entry.notes)
    }

    var entry: AuditEntry {
        AuditEntry(
            id: id ?? 0, runId: runId, key: key, action: action, reviewer: reviewer, at: at, before: before,
            after: after, kbVersion: kbVersion, notes: notes)
    }
}
