import ArgumentParser
import Foundation
import ShopCore

/// `comptoir-bench search`: type-ahead queries with filters, facets and a first page of 50, through
/// Comptoir's index and through SQLite FTS5 on the same synthetic catalogue, checked for equal answers.
struct SearchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search with filters and facets: Comptoir's index against SQLite FTS5."
    )

    @Option(help: "Number of synthetic products.")
    var products = 1_000_000

    @Option(help: "Times each query runs on each engine.")
    var repetitions = 5

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    static let pageSize = 50

    func run() throws {
        let clock = ContinuousClock()
        var start = clock.now
        let synthetic = SyntheticCatalogue(products: products)
        progress("generated \(products) products in \(Self.seconds(clock.now - start)) s")

        start = clock.now
        let index = SearchIndex(products: synthetic.products)
        let indexBuild = clock.now - start
        progress("Comptoir index built in \(Self.seconds(indexBuild)) s")

        start = clock.now
        let peer = try FTS5SearchPeer(products: synthetic.products)
        let peerBuild = clock.now - start
        progress("SQLite FTS5 database built in \(Self.seconds(peerBuild)) s")

        let texts = SearchQueryMix.queries(for: synthetic)
        var comptoir = LatencySamples()
        var sqlite = LatencySamples()
        var identical = true
        for text in texts {
            let query = try SearchQuery.parse(text)
            var ours = FTS5SearchPeer.Answer(total: 0, top: [], brandCounts: [:], categoryCounts: [:])
            for _ in 0..<repetitions {
                ours = comptoir.measure {
                    let results = index.search(try! SearchQuery.parse(text))
                    return FTS5SearchPeer.Answer(
                        total: results.total,
                        top: results.positions(offset: 0, limit: Self.pageSize),
                        brandCounts: Self.counts(results.brandFacets),
                        categoryCounts: Self.counts(results.categoryFacets)
                    )
                }
            }
            var theirs = ours
            for _ in 0..<repetitions { theirs = try sqlite.measure { try peer.answer(query) } }
            let topIsDeterministic = query.sort != .relevance || query.words.isEmpty
            if !topIsDeterministic { theirs.top = ours.top }
            if ours != theirs {
                identical = false
                progress("DIFFERENT for '\(text)': Comptoir \(ours.total) results, SQLite \(theirs.total); top equal: \(ours.top == theirs.top), brands equal: \(ours.brandCounts == theirs.brandCounts), categories equal: \(ours.categoryCounts == theirs.categoryCounts)")
            }
        }
        let speedup = comptoir.median > 0 ? sqlite.median / comptoir.median : 0
        if json {
            print(#"{"products": \#(products), "queries": \#(texts.count), "identical": \#(identical), "comptoir": {"median_ms": \#(Self.format(comptoir.median)), "p99_ms": \#(Self.format(comptoir.p99))}, "sqlite_fts5": {"median_ms": \#(Self.format(sqlite.median)), "p99_ms": \#(Self.format(sqlite.p99))}, "speedup_median": \#(Self.format(speedup))}"#)
        } else {
            print("search over \(products) products, \(texts.count) queries × \(repetitions) runs, filters + facets + top \(Self.pageSize)")
            print("  build:        Comptoir \(Self.seconds(indexBuild)) s, SQLite FTS5 \(Self.seconds(peerBuild)) s")
            print("  Comptoir:     median \(Self.format(comptoir.median)) ms, p99 \(Self.format(comptoir.p99)) ms")
            print("  SQLite FTS5:  median \(Self.format(sqlite.median)) ms, p99 \(Self.format(sqlite.p99)) ms")
            print("  speedup:      \(Self.format(speedup))× at the median; answers identical: \(identical)")
        }
        if !identical { throw ExitCode(2) }
    }

    private func progress(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func counts(_ facets: [FacetCount]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: facets.map { ($0.value, $0.count) })
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return format(Double(seconds) + Double(attoseconds) / 1e18)
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
