// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Selaras",
  products: [
    .library(name: "Selaras", targets: ["Selaras"]),
    .library(name: "SelarasStore", targets: ["SelarasStore"]),
    .library(name: "SelarasPostgres", targets: ["SelarasPostgres"]),
    .executable(name: "selaras", targets: ["SelarasCLI"]),
    .executable(name: "selaras-bench", targets: ["selaras-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    // Already in the build through Hummingbird; named for the team server's HTTP/1 channel,
    // which reads the request line before it becomes an HTTPRequest (OriginFormChannel).
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    // Pages read from URLs (selaras extract URL, and every command that reads an article).
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    // SHA-256 of access tokens: already in the graph through AsyncHTTPClient's TLS.
    .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
    // The team server's /metrics: swift-metrics' counters, timers and gauges (Hummingbird already
    // depends on it), kept and written in Prometheus' text format by swift-prometheus.
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
  ],
  targets: [
    // The only target that includes ICU headers; its public header uses <stdint.h> types only.
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
    ),
    // zlib, to read dictzip files (FreeDict's .dict.dz) for the aligner's lexicon.
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    // libxml2's SAX2 parser, to stream TMX and TBX; Foundation's XMLParser wraps the same library
    // but costs twice the parse in Swift strings and dictionaries (see XMLDocumentHandler).
    // libxml2's headers include the system's ICU, so, as for ICU, Swift sees only CXML's
    // plain-C header; CLibXML2 gives CXML's C file libxml2's include path (pkg-config) and link.
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .target(name: "CXML", dependencies: ["CLibXML2"]),
    .target(
      name: "Selaras",
      dependencies: ["CICU", "CZlib", "CXML"],
      resources: [.copy("Resources")]
    ),
    // The shipped glossaries (human-editable TSV in Glossaries/), bundled as resources.
    .target(name: "SelarasGlossaries", path: "Glossaries", resources: [.copy("news-id-en.tsv")]),
    .target(
      name: "SelarasStore",
      dependencies: [
        "Selaras", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      // The schema, written down for people; SchemaTests holds the migrations to it.
      exclude: ["Schema.sql"]
    ),
    // The memory and glossary in PostgreSQL, for a team's server (PostgresNIO).
    .target(
      name: "SelarasPostgres",
      dependencies: [
        "Selaras", .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // HTTP (Hummingbird 2): the review page's API.
    .target(
      name: "SelarasServer",
      dependencies: [
        "Selaras", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
        .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CoreMetrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
      ],
      resources: [.copy("Resources")]
    ),
    // Web pages downloaded for reading (AsyncHTTPClient): redirects, timeouts, a size cap.
    .target(
      name: "SelarasWeb",
      dependencies: [
        "Selaras", .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
      ]
    ),
    // The `selaras` command; its folder is named so that no two folders (nor modules) differ
    // only by case, which macOS's and Windows's default file systems cannot hold.
    .executableTarget(
      name: "SelarasCLI",
      dependencies: [
        "Selaras", "SelarasStore", "SelarasPostgres", "SelarasGlossaries", "SelarasServer", "SelarasWeb",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Development code, never shipped in the library: test sets made from gold data and their
    // figures, for selaras-bench and the tests.
    .target(name: "SelarasDevelopment", dependencies: ["Selaras"]),
    .executableTarget(
      name: "selaras-bench",
      dependencies: [
        "Selaras", "SelarasStore", "SelarasPostgres", "SelarasPostgresTestSupport", "SelarasGlossaries",
        "SelarasDevelopment", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fixtures and helpers every test target shares, and the conformance suite of the
    // translation memory that each backend's tests run.
    .target(name: "SelarasTestSupport", dependencies: ["Selaras"]),
    // A throwaway PostgreSQL cluster for the tests that need one, and scratch databases for
    // them and the bench, apart, so that the core's tests do not link PostgresNIO and the
    // shipped SelarasPostgres holds no development code.
    .target(
      name: "SelarasPostgresTestSupport",
      dependencies: [
        "Selaras", "SelarasPostgres", "SelarasTestSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
      ]),
    .testTarget(
      name: "SelarasTests", dependencies: ["Selaras", "SelarasTestSupport", "SelarasDevelopment"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SelarasStoreTests",
      dependencies: ["SelarasStore", "SelarasTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(
      name: "SelarasPostgresTests",
      dependencies: ["SelarasPostgres", "SelarasTestSupport", "SelarasPostgresTestSupport"]),
    .testTarget(
      name: "SelarasCLITests", dependencies: ["SelarasCLI", "SelarasTestSupport", "SelarasPostgresTestSupport"]),
    .testTarget(
      name: "SelarasWebTests",
      dependencies: ["SelarasWeb", .product(name: "Hummingbird", package: "hummingbird")]),
    .testTarget(name: "SelarasGlossariesTests", dependencies: ["Selaras", "SelarasGlossaries"]),
    .testTarget(
      name: "SelarasServerTests",
      dependencies: [
        "SelarasServer", "SelarasTestSupport", "SelarasPostgresTestSupport", "SelarasStore", "SelarasPostgres",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
  ]
)
