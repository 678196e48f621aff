import RunStore

/// How far the review of one run has come: questions per decision and per drafted confidence.
struct RunProgress: Sendable, Hashable {
    var approved = 0
    var edited = 0
    var rejected = 0
    var open = 0
    var high = 0
    var medium = 0
    var low = 0

    init(questions: [RunQuestion], decisions: [ReviewDecision]) {
        let status = Dictionary(decisions.map { ($0.key, $0.status) }) { first, _ in first }
        for question in questions {
            switch status[question.key] {
            case .approved: approved += 1
            case .edited: edited += 1
            case .rejected: rejected += 1
            case nil: open += 1
            }
            switch question.confidence {
            case "high": high += 1
            case "medium": medium += 1
            default: low += 1
            }
        }
    }

    var total: Int { approved + edited + rejected + open }
}
