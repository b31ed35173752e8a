import Foundation
import ShopCore
import ShopStore
import Testing
@testable import ShopTUI

/// The open shop when its database goes out of reach and comes back: it says once that it is
/// reconnecting (naming the database without its password), and once that it is back.
@Suite struct ReconnectingTests {
    static let database = "postgres://shop@127.0.0.1:5432/comptoir"

    @Test func theShopSaysOnceItIsReconnectingAndOnceItIsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-reconnecting-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = SwitchableLog(name: Self.database)
        let store = try Store.open(DataFolder(path: folder.path), log: log, access: .readWrite, seed: { Fixtures.products })
        let state = AppState(shop: store.state, shopper: .local, width: 120, height: 30, themes: ThemeCatalog.bundled().themes, locale: .enUS)
        let session = ShopSession(store: store, state: state, hasher: PlainHasher())
        session.follow()
        session.settle()
        #expect(session.state.status == nil)

        log.isReachable = false
        session.follow()
        session.settle()
        #expect(session.state.status == StatusMessage("The shop's database is unreachable (\(Self.database)): reconnecting…", isError: true))
        session.state.status = nil
        log.failureReason = "connection reset by peer"
        session.follow()
        session.settle()
        #expect(session.state.status == nil, "still unreachable, whatever the reason: said once")

        log.isReachable = true
        session.follow()
        session.settle()
        #expect(session.state.status == StatusMessage("Reconnected to the shop's database", isError: false))
        session.state.status = nil
        session.follow()
        session.settle()
        #expect(session.state.status == nil, "back: said once")
    }

    @Test func aProblemOtherThanReachingTheDatabaseEndsWithoutReconnected() {
        let other = FollowingProblem(StoreError.contended(store: Self.database, attempts: 64))
        #expect(other.recoveryNotice == nil)
        #expect(FollowingProblem(StoreError.unreachable(store: Self.database, reason: "connection refused")) == .unreachable(store: Self.database))
    }
}

/// An event log in memory that can be switched out of reach, as a database server stopped.
private final class SwitchableLog: EventLog, @unchecked Sendable {
    let name: String
    var isReachable = true
    var failureReason = "connection refused"
    private var logged: [LoggedRecord] = []
    private var snapshot: LoggedSnapshot?

    init(name: String) { self.name = name }

    private func reach() throws(StoreError) {
        guard isReachable else { throw .unreachable(store: name, reason: failureReason) }
    }

    func latestSnapshot() throws(StoreError) -> LoggedSnapshot? {
        try reach()
        return snapshot
    }

    func records(after sequence: UInt64, limit: Int) throws(StoreError) -> [LoggedRecord] {
        try reach()
        return Array(logged.filter { $0.sequence > sequence }.prefix(limit))
    }

    func append(_ records: [LoggedRecord], after expected: UInt64) throws(StoreError) -> AppendOutcome {
        try reach()
        guard (logged.last?.sequence ?? 0) == expected else { return .conflict }
        logged += records
        return .appended
    }

    func exclusively<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try reach()
        return try body()
    }

    func saveSnapshot(_ bytes: [UInt8], sequence: UInt64) throws(StoreError) {
        try reach()
        snapshot = LoggedSnapshot(sequence: sequence, bytes: bytes)
    }

    func mayHaveNews() -> Bool { true }
    func waitForNews(seconds: Double) -> Bool { false }
    func claimMessage(key: String, bytes: [UInt8]) throws(StoreError) -> Bool { try reach(); return true }
    func messages(after position: Int64) throws(StoreError) -> [LoggedMessage] { try reach(); return [] }
    func close() {}
}
