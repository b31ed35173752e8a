import ShopCore
@testable import ShopStore
import Testing

/// A big snapshot's orders and tickets are read on another thread while the shop opens
/// (`SnapshotPolicy.ordersInBackgroundFromBytes`, here 1 byte so that a small shop does it): what the
/// state gives is the same as reading them at once, and what is known before them is whole.
@Suite("Orders read after opening")
struct OrdersInBackgroundTests {
    static let inBackground = SnapshotPolicy(ordersInBackgroundFromBytes: 1)

    /// A folder with the whole trade in its snapshot (and nothing after it in the journal).
    static func tradedShop(_ temp: TemporaryFolder) throws -> (folder: DataFolder, state: ShopState) {
        let folder = temp.dataFolder()
        let driver = try TradeDriver(folder)
        try driver.runWholeTrade()
        let state = driver.store.state
        try driver.store.compact()
        try driver.store.close()
        return (folder, state)
    }

    @Test func theOrdersReadAfterOpeningAreThoseReadAtOnce() throws {
        let temp = TemporaryFolder()
        let (folder, expected) = try Self.tradedShop(temp)
        #expect(expected.commerce.orderNumbers.count >= 5 && !expected.commerce.tickets.isEmpty)
        let store = try Store.open(folder, access: .readOnly, policy: Self.inBackground) { [] }
        let state = store.state
        // Known at once: everything but the orders and tickets.
        let before = state.commerceBeforeOrders
        #expect(before.orderNumbers.isEmpty && before.orders.isEmpty && before.tickets.isEmpty)
        #expect(before.accountsInOrder == expected.commerce.accountsInOrder)
        #expect(before.sessions == expected.commerce.sessions)
        #expect(before.backOffice == expected.commerce.backOffice)
        #expect(before.outbox == expected.commerce.outbox && before.lastMessageSequence == expected.commerce.lastMessageSequence)
        #expect(state.account(of: .local) == expected.commerce.account(of: .local))
        #expect(state.shopTime(wallClock: Store.wallClock) == expected.commerce.shopTime(wallClock: Store.wallClock))
        // Read: the whole of it, lookups included.
        #expect(state.commerce == expected.commerce)
        #expect(state == expected)
        let customer = try #require(expected.commerce.account(of: .local))
        #expect(state.commerce.orders(of: customer.id).map(\.number) == expected.commerce.orders(of: customer.id).map(\.number))
    }

    @Test func aCommandAfterOpeningWaitsForTheOrdersAndIsKept() throws {
        let temp = TemporaryFolder()
        let (folder, expected) = try Self.tradedShop(temp)
        let store = try Store.open(folder, access: .readWrite, policy: Self.inBackground) { [] }
        let order = try #require(expected.commerce.orderNumbers.last)
        try store.trade(.openTicket(orderNumber: order, topic: nil, text: "Une question sur ma commande.", by: .local))
        #expect(store.state.commerce.tickets.count == expected.commerce.tickets.count + 1)
        #expect(store.state.commerce.orderNumbers.count == expected.commerce.orderNumbers.count)
        let after = store.state
        try store.close()
        #expect(try Store.open(folder, access: .readOnly) { [] }.state == after)
        #expect(try Store.open(folder, access: .readOnly, policy: Self.inBackground) { [] }.state == after)
    }

    @Test func journalRecordsAfterTheSnapshotApplyToTheOrdersReadAfterIt() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let driver = try TradeDriver(folder)
        try driver.runWholeTrade()
        try driver.store.snapshot()
        // After the snapshot: an order, a cart change and a ticket, left in the journal.
        _ = try driver.placeOrder(.cash, quantity: 1)
        try driver.run(.addToCart(sku: "TEA", quantity: 1, by: .local))
        try driver.trade(.openTicket(orderNumber: driver.lastOrder.number, topic: nil, text: "Et celle-ci ?", by: .local))
        let expected = driver.store.state
        let reopened = try Store.open(folder, access: .readOnly, policy: Self.inBackground) { [] }
        #expect(reopened.state == expected)
        #expect(reopened.state.commerce.orderNumbers.last == expected.commerce.orderNumbers.last)
    }

    static let following = SnapshotPolicy(ordersInBackgroundFromBytes: 1, tradeRecordsAfterOpening: true)

    /// A traded shop compacted into its snapshot, then in the journal a price change (TEA at €9.10).
    /// The driver goes on; its store is not closed (closing a small shop snapshots it all).
    static func repricedAfterItsSnapshot(_ temp: TemporaryFolder) throws -> (driver: TradeDriver, folder: DataFolder, covered: UInt64, tea: Product) {
        let folder = temp.dataFolder()
        let driver = try TradeDriver(folder)
        try driver.runWholeTrade()
        try driver.store.compact()
        let covered = driver.store.sequence
        var tea = try #require(driver.store.state.catalogue.product(sku: "TEA"))
        tea.price = Money(minorUnits: 9_10, currency: .eur)
        try driver.run(.importProducts([tea]))
        return (driver, folder, covered, tea)
    }

    /// After the price change: a cart line, an order, a ticket, another price change (TEA at €9.20).
    static func shopWithRecordsAfterItsSnapshot(_ temp: TemporaryFolder) throws -> (folder: DataFolder, covered: UInt64, expected: ShopState) {
        let (driver, folder, covered, repriced) = try repricedAfterItsSnapshot(temp)
        var tea = repriced
        _ = try driver.placeOrder(.cash, quantity: 1)
        try driver.trade(.openTicket(orderNumber: driver.lastOrder.number, topic: nil, text: "Et celle-ci ?", by: .local))
        tea.price = Money(minorUnits: 9_20, currency: .eur)
        try driver.run(.importProducts([tea]))
        return (folder, covered, driver.store.state)
    }

    /// After the price change, the progress of orders only: a support ticket, its reply, mail marked delivered.
    static func shopWithOrderProgressAfterItsSnapshot(_ temp: TemporaryFolder) throws -> (folder: DataFolder, covered: UInt64, expected: ShopState) {
        let (driver, folder, covered, _) = try repricedAfterItsSnapshot(temp)
        let eventsBefore = driver.events.count
        let order = try #require(driver.store.state.commerce.orderNumbers.first)
        try driver.trade(.openTicket(orderNumber: order, topic: nil, text: "Et celle-ci ?", by: .local))
        try driver.trade(.replyToTicket(ticketID: try #require(driver.store.state.commerce.ticketIDs.last), text: "Merci.", by: .local))
        try driver.trade(.markMessagesDelivered(upTo: driver.store.state.commerce.lastMessageSequence))
        let progress = driver.events[eventsBefore...].allSatisfy { $0.isOrderProgress }
        #expect(progress)
        return (folder, covered, driver.store.state)
    }

    @Test func recordsOfOrderProgressAreLeftToTheFirstCatchUp() throws {
        let temp = TemporaryFolder()
        let (folder, covered, expected) = try Self.shopWithOrderProgressAfterItsSnapshot(temp)
        let store = try Store.open(folder, access: .readWrite, policy: Self.following) { [] }
        // The price change is applied; the ticket and what follows wait for the first catch-up.
        #expect(store.sequence == covered + 1)
        #expect(store.state.catalogue.product(sku: "TEA")?.price.minorUnits == 9_10)
        #expect(store.state.commerce.tickets.count < expected.commerce.tickets.count)
        let refresh = try store.refresh()
        #expect(refresh.records >= 3)
        #expect(store.state == expected)
        try store.close()
    }

    /// A cart, a login or an order placed since the snapshot is what the screen shows of its customer:
    /// everything is applied on opening.
    @Test func aCustomersOwnChangesAreAppliedOnOpening() throws {
        let temp = TemporaryFolder()
        let (folder, _, expected) = try Self.shopWithRecordsAfterItsSnapshot(temp)
        let store = try Store.open(folder, access: .readWrite, policy: Self.following) { [] }
        #expect(store.state == expected)
        #expect(try store.refresh().records == 0)
        try store.close()
    }

    @Test func aCommitRightAfterOpeningKeepsTheRecordsLeftForLater() throws {
        let temp = TemporaryFolder()
        let (folder, _, expected) = try Self.shopWithOrderProgressAfterItsSnapshot(temp)
        let store = try Store.open(folder, access: .readWrite, policy: Self.following) { [] }
        #expect(store.state.commerce.tickets.count < expected.commerce.tickets.count)
        let lastOrder = try #require(expected.commerce.orderNumbers.last)
        try store.trade(.openTicket(orderNumber: lastOrder, topic: nil, text: "Encore une question.", by: .local))
        #expect(store.state.commerce.tickets.count == expected.commerce.tickets.count + 1)
        #expect(store.state.commerce.orderNumbers == expected.commerce.orderNumbers)
        let after = store.state
        try store.close()
        let reopened = try Store.open(folder, access: .readOnly) { [] }
        #expect(reopened.state == after)
        #expect(reopened.warnings.isEmpty, "\(reopened.warnings)")
    }

    @Test func withoutFollowingEveryRecordIsAppliedOnOpening() throws {
        let temp = TemporaryFolder()
        let (folder, _, expected) = try Self.shopWithRecordsAfterItsSnapshot(temp)
        let store = try Store.open(folder, access: .readOnly, policy: Self.inBackground) { [] }
        #expect(store.state == expected)
    }

    @Test func aSnapshotOfFormatSevenOpensWithItsOrders() throws {
        let temp = TemporaryFolder()
        let (folder, expected) = try Self.tradedShop(temp)
        let format7 = SnapshotFile.encode(expected, sequence: try Store.open(folder, access: .readOnly) { [] }.sequence, version: 7)
            .flatMap(\.bytes)
        #expect(format7[8] == 7)
        try temp.write(format7, to: folder, "snapshot")
        #expect(try Store.open(folder, access: .readOnly, policy: Self.inBackground) { [] }.state == expected)
        // The same bytes read as format 8 are refused, not misread.
        let relabelled = SnapshotFile.encode(expected, sequence: 1, version: 7).flatMap(\.bytes)
        let payload = Array(relabelled[SnapshotFile.headerSize...])
        #expect(throws: DecodingFailure.self) { try payload.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40, version: 8) } }
    }

    /// Orders copy their customer's address: read once and shared, but a recorded address that no
    /// longer passes its checks is still refused, whichever order holds it.
    @Test func sharedAddressesAreCheckedAndABadOneIsStillRefused() throws {
        let temp = TemporaryFolder()
        let (_, expected) = try Self.tradedShop(temp)
        let orders = expected.commerce.orderNumbers.compactMap { expected.commerce.orders[$0] }
        #expect(Set(orders.map(\.address)).count == 1 && orders.count >= 5)
        let writer = BinaryWriter()
        writer.array(orders) { OrderCodec.write($1, to: $0) }
        writer.array([SupportTicket]()) { CommerceValueCodec.write($1, to: $0) }
        let bytes = writer.bytes
        let read = try bytes.withUnsafeBytes { try CommerceEventCodec.readOrdersSection(BinaryReader($0)) }
        #expect(read.orders == orders)
        // The last order's country code "FR" becomes "QQ": the first orders share the good address, the
        // last one's bytes differ and are checked on their own.
        let country: [UInt8] = [2, UInt8(ascii: "F"), UInt8(ascii: "R")]
        let last = try #require((0...(bytes.count - 3)).last { Array(bytes[$0..<($0 + 3)]) == country })
        var damaged = bytes
        damaged[last + 1] = UInt8(ascii: "Q")
        damaged[last + 2] = UInt8(ascii: "Q")
        let result = damaged.withUnsafeBytes { buffer -> Result<Void, DecodingFailure> in
            do throws(DecodingFailure) {
                _ = try CommerceEventCodec.readOrdersSection(BinaryReader(buffer))
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        guard case let .failure(failure) = result else {
            Issue.record("a bad address was read")
            return
        }
        #expect(failure.reason.contains("a recorded address no longer passes its checks"), "\(failure)")
        #expect(failure.offset < last && failure.offset > bytes.count / 2, "\(failure.offset) of \(bytes.count)")
    }

    @Test func aSmallShopsOrdersAreReadAtOnce() throws {
        let temp = TemporaryFolder()
        let (folder, expected) = try Self.tradedShop(temp)
        let store = try Store.open(folder, access: .readOnly) { [] }
        #expect(store.state.commerceBeforeOrders.orderNumbers == expected.commerce.orderNumbers)
    }
}
