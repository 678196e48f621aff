// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "responder",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "responder", targets: ["responder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already in the graph through postgres-nio; its SHA-256 gives the export record's file hashes.
        .package(url: "https://github.com/apple/swift-crypto", "3.9.0"..<"6.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        // libxml2, seen only by the C shim below (see ../shared/guides/swift-platform.md: the ICU clash).
        .systemLibrary(name: "CLibXML2", path: "Sources/C/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .target(name: "CXMLReader", dependencies: ["CLibXML2"], path: "Sources/C/CXMLReader"),
        // zlib's inflate with bounded input and output, for reading ZIP entries.
        .target(name: "CZipInflate", path: "Sources/C/CZipInflate", linkerSettings: [.linkedLibrary("z")]),

        .target(name: "ResponderModel"),
        .target(name: "Spreadsheet", dependencies: [
            "ResponderModel", "CXMLReader", "CZipInflate",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "Questionnaire", dependencies: ["ResponderModel", "Spreadsheet", .product(name: "Yams", package: "Yams")]),
        .target(name: "KnowledgeBase", dependencies: [
            "ResponderModel", "Spreadsheet",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // Runs, decisions, the audit log and learned answers: the protocol and rules, then one module per store.
        .target(name: "RunStore", dependencies: ["ResponderModel", "KnowledgeBase"]),
        .target(name: "RunStoreSQLite", dependencies: ["RunStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "RunStorePostgres", dependencies: [
            "RunStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Drafting", dependencies: ["ResponderModel", "Spreadsheet", "Questionnaire", "KnowledgeBase", "RunStore"]),
        // The workflows both front ends call: the workspace, opening a store, a draft session.
        .target(name: "Workflow", dependencies: [
            "ResponderModel", "Spreadsheet", "Questionnaire", "KnowledgeBase", "Drafting", "RunStore", "RunStoreSQLite", "RunStorePostgres",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // `responder serve`: the web review desk over the same workflows as the command line.
        .target(name: "ReviewDesk", dependencies: [
            "ResponderModel", "KnowledgeBase", "Drafting", "RunStore", "Workflow",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .target(name: "ResponderCommands", dependencies: [
            "ResponderModel", "Spreadsheet", "Questionnaire", "KnowledgeBase", "Drafting", "RunStore", "Workflow", "ReviewDesk",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "responder", dependencies: ["ResponderCommands"]),
        // The load test (scripts/loadtest.sh): reviewer processes deciding concurrently against one store.
        .executableTarget(name: "responder-loadtest", dependencies: ["RunStore", "Workflow"]),

        // Fuzzing (scripts/fuzz): the checks each fuzz input must pass, and the libFuzzer driver.
        .target(name: "FuzzHarness", dependencies: ["ResponderModel", "Spreadsheet", "Questionnaire"]),
        .target(name: "CFuzzerDriver", path: "Sources/C/CFuzzerDriver"),
        .executableTarget(name: "responder-fuzz", dependencies: ["FuzzHarness", "CFuzzerDriver"]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "FuzzHarness", "TestSupport"],
                    exclude: ["Fixtures", "Writing/Fixtures", "Attacks/Fixtures", "Fuzz/Regressions"]),
        .testTarget(name: "QuestionnaireTests", dependencies: ["Questionnaire", "Spreadsheet", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "KnowledgeBaseTests", dependencies: ["KnowledgeBase", "Spreadsheet", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DraftingTests", dependencies: ["Drafting", "KnowledgeBase", "Questionnaire", "RunStore", "RunStoreSQLite", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RunStoreTests", dependencies: [
            "RunStore", "RunStoreSQLite", "RunStorePostgres", "Workflow", "KnowledgeBase", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "RunStore", "KnowledgeBase", "Drafting", "ResponderModel", "TestSupport"]),
        .testTarget(name: "ReviewDeskTests", dependencies: [
            "ReviewDesk", "Workflow", "RunStore", "KnowledgeBase", "TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "Spreadsheet", "KnowledgeBase", "RunStore", "Workflow", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Fixtures", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
