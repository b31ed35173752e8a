// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Comptoir",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "comptoir", targets: ["comptoir"]),
        .executable(name: "comptoir-bench", targets: ["comptoir-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The domain: pure Swift, no files, no terminal, no clock of its own.
        // Persistent hash maps (HashTreeCollections) keep the state's copies cheap: see `BlockList`.
        .target(name: "ShopCore", dependencies: [.product(name: "HashTreeCollections", package: "swift-collections")]),
        // Persistence: data folder, journal, snapshots, lock, recovery.
        .target(name: "ShopStore", dependencies: ["ShopCore"]),
        // The event log on PostgreSQL (postgres-nio) under the same Store, for shops beyond one machine.
        .target(
            name: "ShopPostgres",
            dependencies: [
                "ShopCore", "ShopStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // Password hashing (scrypt) behind ShopCore's PasswordHasher protocol.
        .target(
            name: "ShopSecurity",
            dependencies: [
                "ShopCore",
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // System SQLite, used only by the benchmark as a peer.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // System ncursesw (wide characters); only NCursesTerminal imports it.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // The application layer: use cases and the questions screens ask, with the clock, entropy
        // and password hasher injected; every front end calls it.
        .target(name: "ShopService", dependencies: ["ShopCore", "ShopStore"]),
        // The interface without a terminal: state, messages, update, views, canvas, themes.
        .target(name: "ShopTUI", dependencies: ["ShopService", "ShopCore", "ShopStore"]),
        // The only code that calls ncurses: canvas -> screen, keys, mouse, resize, colours.
        .target(name: "NCursesTerminal", dependencies: ["ShopTUI", "ShopService", "ShopStore", "ShopCore", "ShopSecurity", "CNCurses"]),
        // `comptoir serve`: the SSH protocol side (swift-nio-ssh); moves bytes between SSH channels and
        // the pty masters of the sessions NCursesTerminal's host drives. No ncurses here.
        .target(
            name: "ShopServer",
            dependencies: [
                "ShopCore", "ShopService",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "comptoir",
            dependencies: [
                "ShopCore", "ShopStore", "ShopPostgres", "ShopService", "ShopSecurity", "ShopTUI", "NCursesTerminal", "ShopServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "comptoir-bench",
            dependencies: [
                "ShopCore", "ShopStore", "ShopService", "ShopTUI", "CSQLite", "ShopPostgres", "TestPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "ShopCoreTests", dependencies: ["ShopCore"]),
        .testTarget(name: "ShopStoreTests", dependencies: ["ShopStore"]),
        // A throw-away PostgreSQL server for the tests (initdb in a temporary folder, a free loopback port).
        .target(name: "TestPostgres", path: "Tests/TestPostgres"),
        .testTarget(name: "ShopPostgresTests", dependencies: ["ShopPostgres", "ShopStore", "ShopCore", "TestPostgres"]),
        .testTarget(name: "ShopSecurityTests", dependencies: ["ShopSecurity", "ShopCore"]),
        .testTarget(name: "ShopServiceTests", dependencies: ["ShopService", "ShopCore", "ShopStore"]),
        .testTarget(name: "ShopServerTests", dependencies: ["ShopServer"]),
        .testTarget(name: "ShopTUITests", dependencies: ["ShopTUI", "ShopService", "ShopCore", "ShopStore"], exclude: ["Snapshots"]),
        // Run the built `comptoir` binary (the second inside tmux); they depend on it so `swift test` builds it first.
        .testTarget(name: "ComptoirCLITests", dependencies: ["comptoir", "ShopCore", "ShopStore", "TestPostgres"]),
        .testTarget(name: "EndToEndTests", dependencies: ["comptoir", "comptoir-bench"]),
    ],
    swiftLanguageModes: [.v6]
)
