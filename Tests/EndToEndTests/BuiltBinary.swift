import Foundation

/// Finds the `comptoir` binary that `swift test` built next to the test bundle.
enum BuiltBinary {
    struct Missing: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "no built comptoir binary in \(searched.joined(separator: ", ")): run swift build first" }
    }

    static func comptoir() throws -> String { try named("comptoir") }

    /// The `comptoir-bench` binary built with the tests.
    static func bench() throws -> String { try named("comptoir-bench") }

    static func named(_ name: String) throws -> String {
        var candidates: [URL] = []
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent(name))
            folder = folder.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/\(name)"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue { return candidate.path }
        }
        throw Missing(searched: candidates.map(\.path))
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
