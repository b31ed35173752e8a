import ArgumentParser

/// `comptoir-bench`: release-mode benchmarks, each measuring Comptoir against a peer in the same run.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comptoir-bench",
        abstract: "Measure Comptoir against its peers (build with -c release).",
        subcommands: [
            SearchBenchmark.self, StoreBenchmark.self, FrameBenchmark.self, SessionBenchmark.self, StartBenchmark.self, SSHBenchmark.self,
            BackOfficeBenchmark.self,
        ]
    )
}
