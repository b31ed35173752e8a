import Foundation
import Testing

/// Compares `text` with `Snapshots/NAME.txt`; records the file when it is missing or when
/// COMPTOIR_RECORD_SNAPSHOTS=1 (then read the recorded file before committing).
func assertSnapshot(_ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["COMPTOIR_RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try (text + "\n").write(to: file, atomically: true, encoding: .utf8)
        if !record { Issue.record("no snapshot \(name).txt: recorded it, check it and run again", sourceLocation: sourceLocation) }
        return
    }
    #expect(text + "\n" == expected, "screen differs from Snapshots/\(name).txt (COMPTOIR_RECORD_SNAPSHOTS=1 records)", sourceLocation: sourceLocation)
}
