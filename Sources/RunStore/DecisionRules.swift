import Foundation

/// The review rules every run store applies, as plain functions over values: which choices a
/// question allows, what a verdict records, what counts as a change, when a base is stale.
///
/// A store reads the run's questions and current decisions inside its write transaction, asks
/// ``plan(run:questions:current:requests:reviewer:at:)`` what to write, and writes exactly that,
/// so SQLite, PostgreSQL and any later store decide alike.
public enum DecisionRules {
    /// What one request of a batch comes to: its result, and the decision and audit entry to write
    /// when it changes something.
    public struct Step: Sendable, Hashable {
        public var result: DecisionResult
        /// The decision to store (insert or replace under its run and key); nil when nothing changes.
        public var decision: ReviewDecision?
        /// The audit entry to append with it (its `id` is given by the store).
        public var audit: AuditEntry?
    }

    /// Refuses a blank reviewer.
    /// - Throws: ``ReviewError`` `.incomplete`.
    public static func checkReviewer(_ reviewer: String) throws {
        guard !reviewer.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ReviewError(.incomplete, "a decision needs a reviewer")
        }
    }

    /// The error for a run the store does not hold.
    public static func unknownRun(_ id: String) -> ReviewError {
        ReviewError(.unknownRun, "no run '\(id)' in the store; `responder runs` lists them")
    }

    /// The question `key` names: its exact key, or a bare ID that names one question only.
    /// - Throws: ``ReviewError`` `.unknownKey` or `.ambiguousKey`.
    public static func resolve(_ key: String, in questions: [RunQuestion], run: String) throws -> RunQuestion {
        if let exact = questions.first(where: { $0.key == key }) { return exact }
        let byID = questions.filter { !$0.questionId.isEmpty && $0.questionId == key }
        if byID.count == 1 { return byID[0] }
        if byID.count > 1 {
            throw ReviewError(
                .ambiguousKey,
                "run \(run): '\(key)' names \(byID.count) questions; use one of "
                    + byID.map(\.key).joined(separator: ", "))
        }
        throw ReviewError(.unknownKey, "run \(run) has no question '\(key)'")
    }

    /// The choice and text a request records: the draft's for `approved`, nothing for
    /// `rejected`, the given values (the draft's for one not given) for `edited`.
    /// - Throws: ``ReviewError`` for an approval of a question with no drafted answer, a choice the
    ///   dropdown does not allow (also a drafted one on approval), a value for a cell the question lacks, or an edit without a value.
    public static func decidedValues(
        _ request: DecisionRequest, for question: RunQuestion,
        run: String
    ) throws -> (choice: String?, text: String?) {
        switch request.status {
        case .approved:
            // Approving nothing would count an empty cell as a reviewed answer: writing one is an edit.
            guard question.draftChoice != nil || !(question.draftText ?? "").allSatisfy(\.isWhitespace) else {
                throw ReviewError(
                    .nothingToApprove,
                    "\(run) \(question.key): there is no drafted answer to approve; "
                        + "write one as an edit (`review edit` with --text and/or --choice, or Edit in the review workbook)")
            }
            if let draft = question.draftChoice, let allowed = question.allowed, !allowed.contains(draft) {
                throw ReviewError(
                    .choiceNotAllowed,
                    "\(run) \(question.key): the draft's choice '\(draft)' is not allowed "
                        + "by the dropdown (\(allowed.joined(separator: ", "))); edit it instead")
            }
            return (question.draftChoice, question.draftText)
        case .rejected:
            return (nil, nil)
        case .edited:
            guard request.choice != nil || request.text != nil else {
                throw ReviewError(.incomplete, "\(run) \(question.key): an edit needs a choice or a text")
            }
            let place = "\(run) \(question.key) (\(question.sheet) row \(question.row))"
            if let choice = request.choice {
                guard question.choiceColumn != nil else {
                    throw ReviewError(.incomplete, "\(place) has no choice cell; give --text only")
                }
                if let allowed = question.allowed, !allowed.contains(choice) {
                    throw ReviewError(
                        .choiceNotAllowed,
                        "\(place): '\(choice)' is not allowed by the dropdown; allowed: "
                            + allowed.joined(separator: ", "))
                }
            }
            if request.text != nil, question.textColumn == nil {
                throw ReviewError(.incomplete, "\(place) has no text cell; give --choice only")
            }
            return (request.choice ?? question.draftChoice, request.text ?? question.draftText)
        }
    }

    /// Notes as stored: nil for nil, empty or blank; otherwise as written.
    public static func normalisedNotes(_ notes: String?) -> String? {
        guard let notes, !notes.allSatisfy(\.isWhitespace) else { return nil }
        return notes
    }

    /// The notes a request leaves on the decision: its own when given (blank clears them); when
    /// not given, the current notes if the verdict itself does not change, else none.
    public static func notes(of request: DecisionRequest, verdictUnchanged: Bool, current: ReviewDecision?) -> String? {
        if let notes = request.notes { return normalisedNotes(notes) }
        return verdictUnchanged ? current?.notes : nil
    }

    /// Whether recording `status`, `choice`, `text` and `notes` changes the current decision
    /// (reviewer and time alone are no change).
    public static func isChange(
        from current: ReviewDecision?, status: ReviewDecision.Status, choice: String?,
        text: String?, notes: String?
    ) -> Bool {
        guard let current else { return true }
        return current.status != status || current.choice != choice || current.text != text || current.notes != notes
    }

    /// Refuses a change based on a revision that is no longer the current one, naming who decided
    /// what and when since.
    /// - Throws: ``ReviewError`` `.stale`.
    public static func checkBase(_ base: Int?, current: ReviewDecision?, key: String, run: String) throws {
        guard let base else { return }
        let revision = current?.revision ?? 0
        guard base != revision else { return }
        guard let current else {
            throw ReviewError(.stale, "run \(run) \(key): based on revision \(base), but the question is undecided; not applied")
        }
        throw ReviewError(
            .stale,
            "run \(run) \(key): \(current.reviewer) \(verb(current.status)) it at \(current.decidedAt) "
                + "(revision \(revision)) after the state this was based on (revision \(base)); not applied. "
                + "Export the review workbook again (or reload) to decide on the current answer")
    }

    /// Refuses a request made on a draft that is no longer the question's (``DecisionRequest/seenDraft``).
    /// - Throws: ``ReviewError`` `.draftChanged`.
    public static func checkDraft(_ seen: String?, of question: RunQuestion, run: String) throws {
        guard let seen, seen != question.draftHash else { return }
        throw ReviewError(
            .draftChanged,
            "run \(run) \(question.key): the draft changed since this was exported or shown "
                + "(the questionnaire was drafted again); not applied. Export the review workbook again (or reload) "
                + "to decide on the current draft")
    }

    /// A decision as the audit log stores it: sorted-key JSON of status, choice, text (and notes
    /// when there are any).
    public static func auditJSON(_ decision: ReviewDecision) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var value: [String: String?] = ["status": decision.status.rawValue, "choice": decision.choice, "text": decision.text]
        if let notes = decision.notes { value["notes"] = notes }
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The keys a store must look up for `requests`: the questions whose key or bare ID is one of
    /// these are all ``resolve(_:in:run:)`` can pick, so a store need not read the whole run.
    public static func lookupKeys(_ requests: [DecisionRequest]) -> [String] {
        Array(Set(requests.map(\.key))).sorted()
    }

    /// What a batch of requests writes, in order, given the run's questions (at least those that
    /// ``lookupKeys(_:)`` finds) and its current decisions by key. A request that is refused writes nothing and does not stop the others;
    /// a later request sees what an earlier one decided.
    public static func plan(
        run: RunSummary, questions: [RunQuestion], current: [String: ReviewDecision],
        requests: [DecisionRequest], reviewer: String, at: String
    ) -> [Step] {
        var current = current
        var steps: [Step] = []
        for request in requests {
            do {
                let question = try resolve(request.key, in: questions, run: run.id)
                try checkDraft(request.seenDraft, of: question, run: run.id)
                let values = try decidedValues(request, for: question, run: run.id)
                let existing = current[question.key]
                let verdictUnchanged =
                    existing.map {
                        $0.status == request.status && $0.choice == values.choice && $0.text == values.text
                    } ?? false
                let notes = notes(of: request, verdictUnchanged: verdictUnchanged, current: existing)
                guard isChange(from: existing, status: request.status, choice: values.choice, text: values.text, notes: notes) else {
                    steps.append(Step(result: .unchanged(key: question.key)))
                    continue
                }
                try checkBase(request.base, current: existing, key: question.key, run: run.id)
                let revision = (existing?.revision ?? 0) + 1
                let decision = ReviewDecision(
                    runId: run.id, key: question.key, status: request.status, choice: values.choice,
                    text: values.text, notes: notes, reviewer: reviewer, decidedAt: at,
                    revision: revision, basedOn: request.base ?? (existing?.revision ?? 0),
                    draftHash: question.draftHash)
                let audit = AuditEntry(
                    id: 0, runId: run.id, key: question.key, action: request.status.rawValue,
                    reviewer: reviewer, at: at, before: existing.map(auditJSON), after: auditJSON(decision),
                    kbVersion: run.kbVersion, notes: notes)
                current[question.key] = decision
                steps.append(Step(result: .recorded(key: question.key), decision: decision, audit: audit))
            } catch let error as ReviewError {
                steps.append(Step(result: .refused(error)))
            } catch {
                steps.append(Step(result: .refused(ReviewError(.incomplete, "\(error)"))))
            }
        }
        return steps
    }

    private static func verb(_ status: ReviewDecision.Status) -> String {
        switch status {
        case .approved: "approved"
        case .edited: "edited"
        case .rejected: "rejected"
        }
    }
}
