import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// Accounts' SSH keys survive the journal, a snapshot (format 5) and a reopening.
@Suite("Account keys in the store")
struct AccountKeyStoreTests {
    static let now = ShopInstant.utc(year: 2026, month: 12, day: 5, hour: 1)

    static func entry(_ name: String, comment: String = "") -> PublicKeyEntry {
        PublicKeyEntry(type: "ssh-ed25519", blob: "AAAAC3NzaC1lZDI1NTE5AAAAI" + name, comment: comment, fingerprint: "SHA256:" + name)
    }

    private func trade(_ store: Store, _ command: CommerceCommand, minutes: Int = 0) throws {
        try store.execute(.commerce(command, at: Self.now.adding(minutes: minutes), entropy: 3))
    }

    @Test func keyEventsRoundTripThroughTheCodec() throws {
        let key = AccountKey(account: AccountID("A-000001"), type: "ssh-ed25519", blob: "AAAA", comment: "zoë@portable",
                             fingerprint: "SHA256:abc", addedAt: Self.now)
        let events: [ShopEvent] = [.commerce(.accountKeyAdded(key)),
                                    .commerce(.accountKeyRemoved(AccountID("A-000001"), fingerprint: "SHA256:abc"))]
        let bytes = EventCodec.encode(events)
        #expect(try bytes.withUnsafeBytes { try EventCodec.decode($0, fileOffset: 0) } == events)
    }

    @Test func aSnapshotOfFormatFourOpensWithNoKeys() throws {
        var state = ShopState()
        state.apply(.commerce(.backOffice(.fulfilmentModeSet(.manual))))
        let writer = BinaryWriter()
        StateCodec.write(state, to: writer, productsPerChunk: 10, ordersLast: false)
        // Format 4 ended with the back office: drop the (empty) list of keys written after it.
        let keys = BinaryWriter()
        keys.array([AccountKey]()) { CommerceEventCodec.write($1, to: $0) }
        let format4 = Array(writer.bytes.dropLast(keys.bytes.count))
        let decoded = try format4.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40, version: 4) }
        #expect(decoded.commerce.accountKeys.isEmpty)
        #expect(decoded.commerce.backOffice.fulfilment == .manual)
        #expect(throws: DecodingFailure.self) { try format4.withUnsafeBytes { try StateCodec.decode($0, fileOffset: 40, version: 5) } }
    }

    @Test func keysSurviveTheJournalAndASnapshot() throws {
        let temporary = TemporaryFolder()
        let folder = temporary.dataFolder()
        let registration = try AccountRegistration(
            name: "Zoë Martin", email: "zoe@example.fr", password: "Tilleul-et-verveine-42", line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR")
        var store: Store? = try Store.open(folder, access: .readWrite) { [] }
        try trade(store!, .register(registration, passwordHash: PasswordHash(encoded: "test$x"), session: "local"))
        try trade(store!, .addAccountKey(Self.entry("one", comment: "zoe@laptop"), by: .local), minutes: 1)
        try trade(store!, .addAccountKey(Self.entry("two"), by: .local), minutes: 2)
        try trade(store!, .addAccountKey(Self.entry("three"), by: .local), minutes: 3)
        try trade(store!, .removeAccountKey(fingerprint: "SHA256:two", by: .local), minutes: 4)
        let expected = store!.state.commerce.accountKeysInOrder
        #expect(expected.map(\.fingerprint) == ["SHA256:one", "SHA256:three"])
        try store!.close()
        store = nil

        // From the journal alone.
        let replayed = try Store.open(folder, access: .readWrite) { [] }
        #expect(replayed.state.commerce.accountKeysInOrder == expected)
        #expect(replayed.state.commerce.accountKeysInOrder.first?.comment == "zoe@laptop")
        try replayed.snapshot()
        try replayed.close()

        // From the snapshot.
        let reopened = try Store.open(folder, access: .readOnly) { [] }
        #expect(reopened.state.commerce.accountKeysInOrder == expected)
        #expect(reopened.state == replayed.state)
        try reopened.close()
        let header = try temporary.read(folder, "snapshot")
        #expect(header.count > 12 && UInt32(header[8]) == SnapshotFile.formatVersion)
    }
}
