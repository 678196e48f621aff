import ResponderModel

/// Drafts answers for questions against one knowledge base. Build once, use for many files.
public struct Drafter: Sendable {
    private let matcher: QuestionMatcher
    private let composer: AnswerComposer

    /// - Parameters:
    ///   - asOf: `YYYY-MM-DD`, the day stale evidence and overdue assessments are judged against.
    ///   - systemScope: an inventory system ID to limit every inventory and assessment fact to.
    ///   - frameworks: limits matching to these frameworks (`--framework iso42001,iso27001`); nil
    ///     for every framework the organisation claims.
    public init(
        content: KnowledgeBaseContent, asOf: String, systemScope: String? = nil,
        frameworks: Set<FrameworkCode>? = nil
    ) {
        matcher = QuestionMatcher(content: content, frameworks: frameworks)
        composer = AnswerComposer(content: content, asOf: asOf, systemScope: systemScope)
    }

    /// The frameworks questions are matched against, in code order.
    public var frameworks: [FrameworkCode] { matcher.frameworks }

    /// Matches and answers one question. `context` is where it sits (sheet and section names),
    /// which tells whether a terse question is about a framework's subject.
    public func draft(_ question: Question, context: String = "") -> DraftedQuestion {
        draft(question, context: context, ignoring: [])
    }

    /// ``draft(_:context:)`` with the questionnaire's own recurring words (``QuestionMatcher/fileWideWords(_:)``) left out.
    private func draft(_ question: Question, context: String, ignoring: Set<String>) -> DraftedQuestion {
        let intent = IntentClassifier.classify(question.text)
        let match = matcher.match(question.text, context: context, ignoring: ignoring)
        let answer = composer.compose(question, intent: intent, match: match)
        return DraftedQuestion(question: question, intent: intent, matches: match.matches, answer: answer)
    }

    /// Drafts every question of a questionnaire, in order. A follow-up row ("If yes, describe ...")
    /// is matched together with the question it follows, since on its own it names no subject.
    ///
    /// Numbered sub-questions work the same way: `A&A-01.2` ("Are the policies reviewed at least
    /// annually?") is matched together with `A&A-01.1`, the first question of its stem, which names
    /// what "the policies" are.
    ///
    /// A question whose ID extends an earlier question's ID (`bgcheck_other_desc` after `bgcheck`)
    /// and that finds nothing on its own ("Describe the other checks you perform") is matched with
    /// that question too, then checked like a follow-up: the parent is tried only as a fallback,
    /// because such sub-questions are often complete questions in their own right.
    ///
    /// Questions are independent once each knows its parent, so they are drafted in chunks on every
    /// core; each draft lands at its question's position, so the result is the serial one.
    public func draft(_ questions: [Question]) -> [DraftedQuestion] {
        draft(questions, chunkSize: Self.chunkSize)
    }

    /// ``draft(_:)`` with `chunkSize` questions per unit of parallel work (`Int.max`: serially).
    package func draft(_ questions: [Question], chunkSize: Int) -> [DraftedQuestion] {
        var byRow: [String: Question] = [:]
        var leadOfStem: [String: Question] = [:]
        var byID: [String: Question] = [:]
        for question in questions where question.parentRow == nil {
            byRow["\(question.sheet)!\(question.row)"] = question
            if let stem = Self.stem(of: question.id), leadOfStem["\(question.sheet)!\(stem)"] == nil {
                leadOfStem["\(question.sheet)!\(stem)"] = question
            }
            if !question.id.isEmpty, byID["\(question.sheet)!\(question.id)"] == nil {
                byID["\(question.sheet)!\(question.id)"] = question
            }
        }
        let parents = questions.map { question -> Question? in
            let lead = Self.stem(of: question.id).flatMap { leadOfStem["\(question.sheet)!\($0)"] }
            return question.parentRow.flatMap { byRow["\(question.sheet)!\($0)"] }
                ?? (lead.map { $0.row != question.row } == true ? lead : nil)
        }
        let extended = questions.map { question -> Question? in
            Self.prefixes(of: question.id).lazy.compactMap { byID["\(question.sheet)!\($0)"] }.first { $0.row < question.row }
        }
        let ignoring = matcher.fileWideWords(questions.map(\.text))
        return ParallelMap.map(count: questions.count, chunkSize: chunkSize) { index in
            draft(questions[index], parent: parents[index], extended: extended[index], ignoring: ignoring)
        }
    }

    /// Drafts one question of a questionnaire; with a `parent`, matched together with it; with
    /// only an `extended` question (one whose ID its own extends), matched with that one when it
    /// matches nothing alone.
    private func draft(_ question: Question, parent: Question?, extended: Question?, ignoring: Set<String>) -> DraftedQuestion {
        let context = [question.sheet, question.section ?? ""].joined(separator: " ")
        guard let parent else {
            let alone = draft(question, context: context, ignoring: ignoring)
            let unanswered = alone.answer.flags.contains(.outOfScope) || alone.answer.flags.contains(.noMatch)
            guard unanswered, let extended else { return alone }
            return draftFollowUp(question, of: extended, context: context, ignoring: ignoring)
        }
        return draftFollowUp(question, of: parent, context: context, ignoring: ignoring)
    }

    /// Matches a follow-up together with the question it belongs to, then checks that the draft
    /// answers what the follow-up itself asks.
    private func draftFollowUp(_ question: Question, of parent: Question, context: String, ignoring: Set<String>) -> DraftedQuestion {
        let intent = IntentClassifier.classify(question.text)
        let match = matcher.match(parent.text + " " + question.text, context: context, ignoring: ignoring)
        let answer = composer.checkFollowUp(
            composer.compose(question, intent: intent, match: match),
            asking: matcher.terms(of: question.text, ignoring: ignoring), match: match)
        return DraftedQuestion(question: question, intent: intent, matches: match.matches, answer: answer)
    }

    /// Questions per unit of parallel work: large enough that handing out a chunk costs little
    /// beside drafting it (a draft takes about a third of a millisecond), small enough that every
    /// core stays busy to the end.
    package static let chunkSize = 16

    /// The IDs an ID extends, longest first, cut at `_`, `-` or `.` (`a_b_c` -> `a_b`, `a`).
    static func prefixes(of id: String) -> [String] {
        var result: [String] = []
        var end = id.endIndex
        while let cut = id[..<end].lastIndex(where: { $0 == "_" || $0 == "-" || $0 == "." }) {
            if cut > id.startIndex { result.append(String(id[..<cut])) }
            end = cut
        }
        return result
    }

    /// The stem of a numbered sub-question's ID (`A&A-01.2` -> `A&A-01`), or nil for an ID without
    /// a final `.N`.
    static func stem(of id: String) -> String? {
        guard let dot = id.lastIndex(of: "."), dot > id.startIndex else { return nil }
        let tail = id[id.index(after: dot)...]
        guard !tail.isEmpty, tail.allSatisfy(\.isNumber), id[..<dot].contains(where: \.isLetter) else { return nil }
        return String(id[..<dot])
    }
}
