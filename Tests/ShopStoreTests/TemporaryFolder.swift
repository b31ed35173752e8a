import Foundation
import ShopStore

/// A fresh folder under the system temporary directory, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("comptoir-store-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    /// A data folder inside this one that does not exist yet.
    func dataFolder(_ name: String = "shop") -> DataFolder { DataFolder(path: url.appendingPathComponent(name).path) }

    func read(_ folder: DataFolder, _ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + file)))
    }

    func write(_ bytes: [UInt8], to folder: DataFolder, _ file: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: folder.path + "/" + file))
    }

    func exists(_ folder: DataFolder, _ file: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.path + "/" + file)
    }
}
