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

    @Option(help: "Times each query runs on Comptoir.")
    var repetitions = 5

    @Option(help: "Times each query runs on SQLite FTS5 (it is slow: a few seconds per query at 1M products).")
    var peerRepetitions = 1

    @Option(help: "wall: elapsed time; cpu: CPU time of the benchmark thread, unaffected by other busy processes.")
    var clock = LatencySamples.Clock.wall

    @Flag(help: "Measure Comptoir alone, without building or asking SQLite (text output only).")
    var skipSqlite = false

    @Flag(help: "Print each query with Comptoir's median, to find slow ones.")
    var verbose = false

    @Option(help: "Run this query instead of the fixed mix (repeatable).")
    var query: [String] = []

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Flag(help: "Search the index as a snapshot holds it: written out as its image and used in place, as opening a shop does.")
    var image = false

    static let pageSize = 50

    func run() throws {
        let wallClock = ContinuousClock()
        var start = wallClock.now
        let synthetic = SyntheticCatalogue(products: products)
        progress("generated \(products) products in \(Self.seconds(wallClock.now - start)) s")

        start = wallClock.now
        var index = SearchIndex(products: synthetic.products)
        let indexBuild = wallClock.now - start
        progress("Comptoir index built in \(Self.seconds(indexBuild)) s")
        if image {
            start = wallClock.now
            index = try IndexImageMemory.inPlace(index)
            progress("index image written and used in place in \(Self.seconds(wallClock.now - start)) s")
        }

        start = wallClock.now
        let peer = skipSqlite ? nil : try FTS5SearchPeer(products: synthetic.products)
        let peerBuild = wallClock.now - start
        if peer != nil { progress("SQLite FTS5 database built in \(Self.seconds(peerBuild)) s") }

        let texts = query.isEmpty ? SearchQueryMix.queries(for: synthetic) : query
        var comptoir = LatencySamples(clock: clock)
        var sqlite = LatencySamples(clock: clock)
        var identical = true
        for text in texts {
            let query = try SearchQuery.parse(text)
            var ours = FTS5SearchPeer.Answer(total: 0, top: [], brandCounts: [:], categoryCounts: [:])
            var thisQuery = LatencySamples(clock: clock)
            for _ in 0..<repetitions {
                ours = thisQuery.measure {
                    let results = index.search(try! SearchQuery.parse(text))
                    return FTS5SearchPeer.Answer(
                        total: results.total,
                        top: results.positions(offset: 0, limit: Self.pageSize),
                        brandCounts: Self.counts(results.brandFacets),
                        categoryCounts: Self.counts(results.categoryFacets)
                    )
                }
            }
            comptoir.append(thisQuery)
            if verbose { progress("\(Self.format(thisQuery.median)) ms  \(ours.total) results  '\(text)'") }
            guard let peer else { continue }
            var theirs = ours
            for _ in 0..<peerRepetitions { theirs = try sqlite.measure { try peer.answer(query) } }
            let topIsDeterministic = query.sort != .relevance || query.words.isEmpty
            if !topIsDeterministic { theirs.top = ours.top }
            if ours != theirs {
                identical = false
                progress("DIFFERENT for '\(text)': Comptoir \(ours.total) results, SQLite \(theirs.total); top equal: \(ours.top == theirs.top), brands equal: \(ours.brandCounts == theirs.brandCounts), categories equal: \(ours.categoryCounts == theirs.categoryCounts)")
            }
        }
        // Typos: timed on their own (FTS5 has no typo rule to compare with), each checked to be corrected.
        var typos = LatencySamples(clock: clock)
        var uncorrected = 0
        if query.isEmpty {
            for text in SearchQueryMix.typoQueries(for: synthetic) {
                let parsed = try SearchQuery.parse(text)
                var thisQuery = LatencySamples(clock: clock)
                var corrections: [WordCorrection] = []
                for _ in 0..<repetitions {
                    corrections = thisQuery.measure {
                        let results = index.search(parsed)
                        _ = results.positions(offset: 0, limit: Self.pageSize)
                        return results.corrections
                    }
                }
                typos.append(thisQuery)
                if corrections.isEmpty { uncorrected += 1 }
                if verbose {
                    let said = corrections.map { "\($0.typed)→\($0.searched)" }.joined(separator: " ")
                    progress("\(Self.format(thisQuery.median)) ms  typo '\(text)' \(said)")
                }
            }
        }
        // Freeing the million generated products takes a few hundred milliseconds: keep them alive
        // until here so that the release never lands inside a measured query.
        withExtendedLifetime(synthetic) {}
        let speedup = comptoir.median > 0 ? sqlite.median / comptoir.median : 0
        if peer == nil {
            print("search over \(products) products, \(texts.count) queries × \(repetitions) runs (\(clock.rawValue) clock)")
            print("  Comptoir index build \(Self.seconds(indexBuild)) s; median \(Self.format(comptoir.median)) ms, p99 \(Self.format(comptoir.p99)) ms")
            print("  typo queries: median \(Self.format(typos.median)) ms, p99 \(Self.format(typos.p99)) ms, \(uncorrected) not corrected")
        } else if json {
            print(#"{"products": \#(products), "queries": \#(texts.count), "identical": \#(identical), "comptoir": {"median_ms": \#(Self.format(comptoir.median)), "p99_ms": \#(Self.format(comptoir.p99))}, "sqlite_fts5": {"median_ms": \#(Self.format(sqlite.median)), "p99_ms": \#(Self.format(sqlite.p99))}, "speedup_median": \#(Self.format(speedup)), "typos": {"median_ms": \#(Self.format(typos.median)), "p99_ms": \#(Self.format(typos.p99)), "uncorrected": \#(uncorrected)}}"#)
        } else {
            print("search over \(products) products, \(texts.count) queries (Comptoir × \(repetitions), SQLite × \(peerRepetitions)), filters + facets + top \(Self.pageSize), \(clock.rawValue) clock")
            print("  build:        Comptoir \(Self.seconds(indexBuild)) s, SQLite FTS5 \(Self.seconds(peerBuild)) s")
            print("  Comptoir:     median \(Self.format(comptoir.median)) ms, p99 \(Self.format(comptoir.p99)) ms")
            print("  SQLite FTS5:  median \(Self.format(sqlite.median)) ms, p99 \(Self.format(sqlite.p99)) ms")
            print("  speedup:      \(Self.format(speedup))× at the median; answers identical: \(identical)")
            print("  typo queries: median \(Self.format(typos.median)) ms, p99 \(Self.format(typos.p99)) ms, \(uncorrected) not corrected")
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

/// Memory holding an index image at an eight-byte boundary, as a mapped snapshot does; freed with
/// the last index reading it.
final class IndexImageMemory: @unchecked Sendable {
    let bytes: UnsafeMutableRawBufferPointer

    private init(count: Int) {
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(8, count), alignment: 8)
    }

    deinit { bytes.deallocate() }

    /// `index` written out as its image and loaded from it in place.
    static func inPlace(_ index: SearchIndex) throws -> SearchIndex {
        var length = 0
        index.writeImage { length += $0.count }
        let memory = IndexImageMemory(count: length)
        var offset = 0
        index.writeImage { piece in
            UnsafeMutableRawBufferPointer(rebasing: memory.bytes[offset..<(offset + piece.count)]).copyMemory(from: piece)
            offset += piece.count
        }
        return try SearchIndex(image: UnsafeRawBufferPointer(rebasing: memory.bytes[0..<length]), keeper: memory)
    }
}
