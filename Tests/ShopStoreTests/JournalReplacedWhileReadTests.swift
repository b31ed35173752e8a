import ShopCore
@testable import ShopStore
import Testing

/// A process reads the folder (snapshot, then journal) without the lock while another compacts. A file
/// system hands the inode of a file freed by one compaction to the journal the next one writes (ext4 does
/// at once), so "the journal has the identity it had" does not mean "it is the journal that was read"
/// unless the reader holds the file open the whole time.
@Suite("The journal replaced while a process reads the folder")
struct JournalReplacedWhileReadTests {
    private static let anyTime = ShopInstant(secondsSince1970: 1_800_000_000)

    private func advance(_ store: Store) throws(StoreError) {
        try store.execute(.commerce(.advanceClock(seconds: 60), at: Self.anyTime, entropy: 0))
    }

    /// A writer over the seed, one commit compacted into its snapshot.
    private func compactedWriter(in temp: TemporaryFolder) throws -> (writer: Store, folder: DataFolder, layout: StoreLayout) {
        let folder = temp.dataFolder()
        let writer = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        try advance(writer)
        try writer.compact()
        return (writer, folder, StoreLayout(folder: folder.path))
    }

    /// Reads the folder while, between the read and the check that the journal is still the one read,
    /// `writer` commits and compacts again and again until the journal file has the identity it had
    /// before the read (bounded): the case where identities alone would lie.
    private func readDuringCompactions(
        _ layout: StoreLayout, by writer: Store
    ) throws -> (image: ShopImage, handle: JournalWriter?, compactions: Int, failure: StoreError?) {
        let seen = JournalWriter.identity(at: layout.journal)
        var compactions = 0
        var failure: StoreError?
        let (image, handle) = try Store.readImage(layout, writable: true) {
            guard compactions == 0 else { return }
            repeat {
                do throws(StoreError) {
                    try advance(writer)
                    try writer.compact()
                } catch {
                    failure = error
                }
                compactions += 1
            } while failure == nil && compactions < 40 && JournalWriter.identity(at: layout.journal) != seen
        }
        return (image, handle, compactions, failure)
    }

    /// The reader must end up with the writer's whole state, never the old snapshot with the new,
    /// empty journal.
    @Test func aReadDuringCompactionsGivesTheWholeStateEvenWhenTheJournalsIdentityComesBack() throws {
        let temp = TemporaryFolder()
        let (writer, _, layout) = try compactedWriter(in: temp)
        let (image, handle, compactions, failure) = try readDuringCompactions(layout, by: writer)
        defer { handle?.close() }
        #expect(failure == nil)
        #expect(compactions >= 2)
        #expect(image.sequence == writer.sequence, "read \(image.sequence) after \(compactions) compactions; the writer is at \(writer.sequence)")
        #expect(image.state.commerce.clockOffsetSeconds == writer.state.commerce.clockOffsetSeconds)
        #expect(handle?.isCurrent(at: layout.journal) == true)
    }

    /// The same race through whole stores: a second writer opened while the first compacts commits on
    /// the whole state, and every commit of both is in the folder afterwards.
    @Test func aWriterOpenedDuringCompactionsLosesNoCommit() throws {
        let temp = TemporaryFolder()
        let (writer, folder, layout) = try compactedWriter(in: temp)
        let (image, handle, compactions, failure) = try readDuringCompactions(layout, by: writer)
        #expect(failure == nil)
        let late = Store(folder: folder, access: .readWrite, policy: .standard, lockWaitSeconds: Store.defaultLockWaitSeconds)
        late.adopt(image, journal: handle)
        try advance(late)
        try advance(writer)
        let reopened = try Store.open(folder, access: .readOnly) { [] }
        #expect(reopened.state.commerce.clockOffsetSeconds == Int64(compactions + 3) * 60)
        #expect(reopened.sequence == writer.sequence)
        #expect(Store.verify(folder).isClean)
    }

    /// What a reader that got the old snapshot with a newer journal held, built by hand: a state from
    /// before two compactions, with the journal in place now. Its next commit must not take a sequence
    /// the snapshot covers (every open would skip it): it reads the state again and commits after it.
    @Test func aCommitOnAStateOlderThanTheSnapshotReadsAgainAndLosesNothing() throws {
        let temp = TemporaryFolder()
        let (writer, folder, layout) = try compactedWriter(in: temp)
        let (old, oldHandle) = try Store.readImage(layout, writable: true)
        oldHandle?.close()
        for _ in 0..<2 {
            try advance(writer)
            try writer.compact()
        }
        let current = try #require(try JournalWriter.attach(layout.journal, writable: true))
        current.end = try current.size()
        let late = Store(folder: folder, access: .readWrite, policy: .standard, lockWaitSeconds: Store.defaultLockWaitSeconds)
        late.adopt(old, journal: current)
        #expect(late.sequence < writer.sequence)
        try advance(late)
        #expect(late.sequence == writer.sequence + 1)
        try advance(writer)
        let reopened = try Store.open(folder, access: .readOnly) { [] }
        #expect(reopened.state.commerce.clockOffsetSeconds == 5 * 60)
        #expect(reopened.sequence == 6)
    }

    /// `store verify` on a folder where a record was appended on an out-of-date state: the journal's
    /// records stop before the snapshot's, then skip the sequences it covers once others append.
    @Test func verifyWarnsOfAJournalBehindTheSnapshot() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let writer = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        for _ in 0..<3 { try advance(writer) }
        try writer.compact()
        try writer.close()
        let layout = StoreLayout(folder: folder.path)
        let journal = try JournalWriter.open(layout.journal, end: JournalFormat.fileHeaderSize)
        defer { journal.close() }
        let stale = EventCodec.encode([.commerce(.clockAdvanced(seconds: 60))])
        try journal.append(sequence: 2, payload: stale)
        let behind = Store.verify(folder)
        #expect(behind.snapshotSequence == 4 && behind.journalLastSequence == 2)
        #expect(behind.warnings == ["the journal's records stop at 2, before record 4 the snapshot covers: records were lost from the journal, or appended on an out-of-date state and skipped"])
        #expect(behind.description.contains("warning: the journal's records stop at 2"))
        try journal.append(sequence: 5, payload: stale)
        let skipped = Store.verify(folder)
        #expect(skipped.journalGaps == [3...4])
        #expect(skipped.warnings == ["records 3–4 are missing from the journal between records the snapshot covers: records were appended on an out-of-date state and skipped, or the journal was cut by an older Comptoir"])
    }
}
