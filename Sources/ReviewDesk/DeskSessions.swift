/// The desk's reviewers: one-time login tokens and the sessions they became. Kept in memory, so a
/// restart of `responder serve` signs everyone out.
actor DeskSessions {
    /// One signed-in browser.
    struct Session: Sendable, Hashable {
        /// Who decides; nil until the reviewer has given a name.
        var reviewer: String?
        /// Sent back with every state-changing request (form field `csrf` or header `X-CSRF-Token`).
        var csrf: String
    }

    private var tokens: Set<String> = []
    private var sessions: [String: Session] = [:]
    private let reviewer: String?

    /// - Parameter reviewer: the name every session starts with (`--reviewer`), nil to ask.
    init(reviewer: String?) {
        self.reviewer = reviewer
    }

    /// A new one-time login token.
    func issueToken() -> String {
        let token = Self.random()
        tokens.insert(token)
        return token
    }

    /// Turns a login token into a new session, once; nil for an unknown or used token.
    func redeem(_ token: String) -> String? {
        guard tokens.remove(token) != nil else { return nil }
        let id = Self.random()
        sessions[id] = Session(reviewer: reviewer, csrf: Self.random())
        return id
    }

    func session(_ id: String) -> Session? {
        sessions[id]
    }

    func setReviewer(_ name: String, for id: String) {
        sessions[id]?.reviewer = name
    }

    /// 32 random bytes as hex, from the system's cryptographic generator.
    private static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
