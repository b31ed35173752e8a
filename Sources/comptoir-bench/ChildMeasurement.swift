import ArgumentParser
import Foundation

/// Runs this benchmark again in a fresh process with `arguments` and decodes the JSON it prints,
/// so time and resident memory are those of a cold start.
enum ChildMeasurement {
    static func run<Measurement: Decodable>(_ arguments: [String], measuring what: String) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("the \(what) measurement process failed with status \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(Measurement.self, from: data)
    }
}
