import Foundation
import RunStore
import RunStorePostgres
import Testing

/// Reading a PostgreSQL URL: where the password comes from, TLS, and that it is never printed.
@Suite struct PostgresStoreSettingsTests {
    static let pgpass = """
        # host:port:database:user:password
        db.example:5432:responder:ana:from\\:pgpass
        *:*:*:bob:bob-wildcard
        """

    @Test(
        arguments: [
            ("URL password wins", "postgres://ana:url%40pw@db.example:5432/responder", ["PGPASSWORD": "env"], "url@pw"),
            ("PGPASSWORD next", "postgres://ana@db.example:5432/responder", ["PGPASSWORD": "env"], "env"),
            ("then .pgpass", "postgres://ana@db.example:5432/responder", [:], "from:pgpass"),
            ("wildcards", "postgresql://bob@elsewhere/x", [:], "bob-wildcard"),
            ("none", "postgres://cy@db.example/responder", [:], nil),
        ] as [(String, String, [String: String], String?)])
    func passwordSources(name: String, url: String, environment: [String: String], expected: String?) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try Data(Self.pgpass.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let settings = try PostgresStoreSettings(url: url, environment: environment.merging(["PGPASSFILE": file.path]) { a, _ in a })
        #expect(settings.password == expected, "\(name)")
        #expect(!settings.description.contains(expected ?? "\u{0}"), "the password is never printed")
    }

    @Test func portDatabaseAndTLSAreRead() throws {
        let settings = try PostgresStoreSettings(url: "postgres://ana:pw@db.example:6432/team?sslmode=require", environment: [:])
        #expect(settings.host == "db.example" && settings.port == 6432 && settings.database == "team" && settings.tls == .require)
        #expect(settings.description == "postgres://ana@db.example:6432/team?sslmode=require")
        #expect(try PostgresStoreSettings(url: "postgres://ana@db", environment: [:]).tls == .disable)
    }

    @Test(arguments: ["postgres://", "postgres://ana@db/x?sslmode=maybe", "postgres://ana@db/x?timeout=3", "mysql://ana@db/x"])
    func badURLsAreRefusedWithoutTheirPassword(url: String) {
        let error = #expect(throws: RunStoreError.self) { try PostgresStoreSettings(url: url, environment: [:]) }
        #expect(error?.kind == .badLocation)
    }
}
