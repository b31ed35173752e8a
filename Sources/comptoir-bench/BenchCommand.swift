import ArgumentParser

/// The benchmark runner. (Minimal root for the store benchmark; the lead merges the full one.)
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comptoir-bench",
        abstract: "Release-mode benchmarks of Comptoir, with their peers measured in the same run.",
        subcommands: [StoreBenchmark.self]
    )
}
