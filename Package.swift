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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The domain: pure Swift, no files, no terminal, no clock of its own.
        .target(name: "ShopCore"),
        // Persistence: data folder, snapshots (and, later, the journal).
        .target(name: "ShopStore", dependencies: ["ShopCore"]),
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
        .executableTarget(
            name: "comptoir",
            dependencies: [
                "ShopCore", "ShopStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "comptoir-bench",
            dependencies: [
                "ShopCore", "ShopStore", "CSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ShopCoreTests", dependencies: ["ShopCore"]),
        .testTarget(name: "ShopStoreTests", dependencies: ["ShopStore"]),
        .testTarget(name: "ShopSecurityTests", dependencies: ["ShopSecurity", "ShopCore"]),
        .testTarget(name: "ComptoirCLITests", dependencies: ["ShopCore"]),
    ],
    swiftLanguageModes: [.v6]
)
