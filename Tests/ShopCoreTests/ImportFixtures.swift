import Foundation
@testable import ShopCore

/// Files the import tests read: the real DummyJSON data shared by the project, and the
/// hand-written Shopify export under `Tests/Fixtures`.
enum ImportFixtures {
    /// The package root, found from this file's path so tests run from any working directory.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }

    static func dummyJSON() throws -> [UInt8] {
        try bytes(packageRoot.appendingPathComponent("../shared/data/dummyjson-products.json").standardized)
    }

    static func shopifyCSV() throws -> [UInt8] {
        try bytes(packageRoot.appendingPathComponent("Tests/Fixtures/shopify-products.csv"))
    }
}

/// Runs `body` and returns the `ImportError` it throws, or nil when it returns normally.
func importError<T>(_ body: () throws(ImportError) -> T) -> ImportError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}
