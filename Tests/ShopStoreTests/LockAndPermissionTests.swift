import Foundation
import ShopCore
@testable import ShopStore
import Testing

@Suite("One writer at a time, private files")
struct LockAndPermissionTests {
    /// Two stores on one folder both open; a commit waits for the lock another holds, and past the
    /// wait it is refused naming the holder, having changed nothing.
    @Test func aCommitWaitsForTheLockThenGivesUpNamingTheHolder() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let first = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        let second = try Store.open(folder, access: .readWrite, lockWaitSeconds: 0.2) { [] }
        nonisolated(unsafe) let holder = try StoreLock.acquire(StoreLayout(folder: folder.path))
        #expect(String(decoding: try temp.read(folder, "lock"), as: UTF8.self) == "\(getpid())\n")
        let error = #expect(throws: StoreError.self) { try second.execute(.addToCart(sku: "A-1", quantity: 1, by: .local)) }
        #expect(error == .locked(folder: folder.path, pid: getpid()))
        #expect(error?.description == "the shop data in \(folder.path) is in use by process \(getpid())")
        #expect(second.state.cart(of: .local).isEmpty)
        holder.release()
        try second.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try first.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(first.state.cart(of: .local).quantity(of: "A-1") == 2)
        #expect(try Store.open(folder, access: .readOnly) { [] }.state == first.state)
    }

    /// A commit that finds the lock taken waits for it instead of failing.
    @Test func aCommitWaitsWhileAnotherHoldsTheLock() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        nonisolated(unsafe) let holder = try StoreLock.acquire(StoreLayout(folder: folder.path))
        let released = Flag()
        Thread.detachNewThread {
            usleep(300_000)
            released.set()
            holder.release()
        }
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(released.isSet, "the commit went through before the holder let go of the lock")
        #expect(store.state.cart(of: .local).quantity(of: "A-1") == 1)
    }

    /// Another process (util-linux `flock`) can take the lock while a store is open between commits,
    /// and cannot while a commit holds it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func anotherProcessSeesTheLockOnlyDuringACommit() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        func otherProcessCanLock() throws -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            process.arguments = ["--nonblock", folder.path + "/lock", "true"]
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        #expect(try otherProcessCanLock())
        let lockableDuringACommit = try store.withCommitLock { try otherProcessCanLock() }
        #expect(!lockableDuringACommit)
        #expect(try otherProcessCanLock())
        try store.close()
    }

    @Test func droppingAStoreWithoutClosingReleasesTheLock() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        var first: Store? = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        #expect(first != nil)
        first = nil
        _ = try Store.open(folder, access: .readWrite) { [] }
    }

    @Test func aReaderSeesEveryAcknowledgedChangeWhileTheWriterHoldsTheLock() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let writer = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        try writer.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        let reader = try Store.open(folder, access: .readOnly) { [] }
        #expect(reader.state == writer.state)
        try writer.compact()
        try writer.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        #expect(try Store.open(folder, access: .readOnly) { [] }.state == writer.state)
    }

    @Test func lockedDescriptionWithoutAPid() {
        #expect(StoreError.locked(folder: "/d", pid: nil).description == "the shop data in /d is in use by another process")
    }

    @Test func foldersAre0700AndFiles0600WhateverTheUmask() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        let previous = umask(0)
        defer { umask(previous) }
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        try store.execute(.addToCart(sku: "A-1", quantity: 1, by: .local))
        try store.snapshot()
        try store.compact()
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        #expect(try mode(folder.path) == 0o700)
        for file in ["journal", "snapshot", "snapshot.prev", "lock"] {
            #expect(try mode(folder.path + "/" + file) == 0o600, "\(file)")
        }
        try store.close()
    }

    @Test func aFileWhereTheFolderShouldBeIsRefused() throws {
        let temp = TemporaryFolder()
        let path = temp.path + "/plain-file"
        #expect(FileManager.default.createFile(atPath: path, contents: Data([1])))
        #expect(throws: StoreError.notAFolder(path: path)) { try Store.open(DataFolder(path: path), access: .readWrite) { [] } }
        #expect(throws: StoreError.notAFolder(path: path)) { try Store.open(DataFolder(path: path), access: .readOnly) { [] } }
    }

    @Test func missingParentFoldersAreCreated() throws {
        let temp = TemporaryFolder()
        let folder = DataFolder(path: temp.path + "/a/b/comptoir")
        let store = try Store.open(folder, access: .readWrite) { Fixtures.seed }
        #expect(store.state.catalogue.count == 3)
    }
}

@Suite("Data folder resolution")
struct DataFolderTests {
    @Test func theExplicitFolderWins() throws {
        let folder = try DataFolder.resolve(explicit: "/x/data/", environment: ["COMPTOIR_HOME": "/c", "XDG_DATA_HOME": "/xdg", "HOME": "/h"])
        #expect(folder.path == "/x/data")
    }

    @Test func thenComptoirHome() throws {
        let folder = try DataFolder.resolve(explicit: nil, environment: ["COMPTOIR_HOME": "/c", "XDG_DATA_HOME": "/xdg", "HOME": "/h"])
        #expect(folder.path == "/c")
    }

    @Test func thenXDGDataHome() throws {
        let folder = try DataFolder.resolve(explicit: "", environment: ["COMPTOIR_HOME": "", "XDG_DATA_HOME": "/xdg", "HOME": "/h"])
        #expect(folder.path == "/xdg/comptoir")
    }

    @Test func thenHome() throws {
        #expect(try DataFolder.resolve(explicit: nil, environment: ["HOME": "/h"]).path == "/h/.local/share/comptoir")
        // A relative XDG_DATA_HOME is invalid per the XDG specification and ignored.
        #expect(try DataFolder.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]).path == "/h/.local/share/comptoir")
    }

    @Test func nothingToGoOnIsAnError() {
        #expect(throws: StoreError.noDataFolder) { try DataFolder.resolve(explicit: nil, environment: [:]) }
        #expect(StoreError.noDataFolder.description.contains("--data"))
    }
}

@Suite("Readers alongside a writer")
struct ConcurrentReaderTests {
    private final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private var finished = false
        private var failure: String?
        func finish(_ error: String? = nil) { lock.withLock { finished = true; failure = error } }
        var state: (finished: Bool, failure: String?) { lock.withLock { (finished, failure) } }
    }

    /// While one thread appends, snapshots and compacts, read-only opens always get a consistent state.
    @Test func readOnlyOpensNeverFailWhileTheWriterAppendsSnapshotsAndCompacts() throws {
        let temp = TemporaryFolder()
        let folder = temp.dataFolder()
        try Store.open(folder, access: .readWrite) { Fixtures.seed }.close()
        let progress = Progress()
        let writerDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { writerDone.signal() }
            do {
                let policy = SnapshotPolicy(recordsBetweenSnapshots: 5, journalBytesBetweenSnapshots: 1 << 30)
                let store = try Store.open(folder, access: .readWrite, policy: policy) { [] }
                for step in 0..<300 {
                    try store.execute(.setCartQuantity(sku: "A-1", quantity: step % 5 + 1, by: .local))
                    if step % 17 == 0 { try store.compact() }
                }
                try store.close()
                progress.finish()
            } catch {
                progress.finish("\(error)")
            }
        }
        var reads = 0
        while !progress.state.finished || reads < 20 {
            let reader = try Store.open(folder, access: .readOnly) { [] }
            let quantity = reader.state.cart(of: .local).quantity(of: "A-1")
            #expect((0...5).contains(quantity))
            #expect(reader.state.catalogue.count == 3)
            reads += 1
        }
        writerDone.wait()
        #expect(progress.state.failure == nil)
        #expect(try Store.open(folder, access: .readOnly) { [] }.state.cart(of: .local).quantity(of: "A-1") == 299 % 5 + 1)
    }
}

/// A flag set on one thread and read on another.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
