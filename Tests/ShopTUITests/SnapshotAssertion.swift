import Foundation
import ShopTUI
import Testing

/// Compares a rendered screen with its golden files: the text with `Snapshots/NAME.txt` and the
/// styles of every cell with `Snapshots/NAME.styles.txt` (see `StyleMap`), so a colour or an
/// attribute that changes shows in a review as surely as a character.
func assertSnapshot(_ canvas: Canvas, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try assertSnapshot(canvas.text(), named: name, filePath: filePath, sourceLocation: sourceLocation)
    try assertSnapshot(StyleMap.of(canvas), named: name + ".styles", filePath: filePath, sourceLocation: sourceLocation)
}

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
