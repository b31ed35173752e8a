import Foundation
import ShopCore
@testable import ShopStore
import Testing

/// A FIFO (or socket, or folder) where a store file should be is refused at once, never opened for a
/// blocking read; verify reports it and recover moves it aside.
@Suite("Special files in place of store files")
struct SpecialFileTests {
    /// Makes a FIFO at `path`. Should the code under test block opening it anyway, a watchdog opens the
    /// other end after 20 seconds, which unblocks it, and records the failure: the test cannot hang.
    final class FIFO: @unchecked Sendable {
        let path: String
        private let done = DispatchSemaphore(value: 0)

        init(_ path: String) throws {
            self.path = path
            try? FileManager.default.removeItem(atPath: path)
            guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.EIO) }
            DispatchQueue.global().async { [path, done] in
                if done.wait(timeout: .now() + 20) == .timedOut {
                    let fd = open(path, O_WRONLY | O_NONBLOCK)
                    if fd >= 0 {
                        Issue.record("something blocked opening the FIFO at \(path)")
                        close(fd)
                    }
                }
            }
        }

        func finish() { done.signal() }
    }

    @Test(arguments: ["journal", "snapshot", "snapshot.prev", "lock"])
    func aFIFOIsRefusedVerifiedAndMovedAside(name: String) throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp, compactAfter: 3)
        let path = history.folder.path + "/" + name
        let fifo = try FIFO(path)
        defer { fifo.finish() }
        let expected = StoreError.notARegularFile(path: path, kind: "a FIFO (named pipe)")
        #expect(expected.description == "\(path) is a FIFO (named pipe), not a regular file: move it away (or run 'comptoir store recover', which moves it aside)")
        switch name {
        case "snapshot.prev":
            // Opening never reads the previous snapshot while the snapshot is good: no refusal, no hang.
            #expect(try Store.open(history.folder, access: .readOnly) { [] }.state == history.states[5])
        case "lock":
            // A writer opens without the lock and takes it for each commit: the commit is refused.
            let store = try Store.open(history.folder, access: .readWrite) { [] }
            #expect(throws: expected) { try retryingOwnLock { try store.snapshot() } }
        default:
            #expect(throws: expected) { try retryingOwnLock { try Store.open(history.folder, access: .readWrite) { [] } } }
            #expect(throws: expected) { try Store.open(history.folder, access: .readOnly) { [] } }
        }
        let verify = Store.verify(history.folder)
        #expect(verify.problem == expected)
        #expect(!verify.isClean)

        let report = try retryingOwnLock { try Store.recover(history.folder) }
        #expect(report.movedAside.first?.original == path)
        #expect(report.movedAside.first?.reason.contains("a FIFO (named pipe), not a regular file") == true)
        var info = stat()
        #expect(stat(path + ".damaged-1", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is kept, renamed")
        let store = try retryingOwnLock { try Store.open(history.folder, access: .readWrite) { [] } }
        switch name {
        case "journal":
            #expect(store.state == history.states[3], "the snapshot covers record 3; the journal's 4–5 went with it")
        case "snapshot":
            #expect(report.lostSequences == [1...5], "records 1–3 lived only in the snapshot; 4–5 build on them")
            #expect(store.state == ShopState())
        default:
            #expect(report.lostNothing)
            #expect(store.state == history.states[5])
        }
        try store.close()
    }

    @Test func aSocketOrAFolderInPlaceOfTheJournalIsRefused() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp, compactAfter: 3)
        let journal = history.folder.path + "/journal"
        try FileManager.default.removeItem(atPath: journal)
        try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: false)
        #expect(throws: StoreError.notARegularFile(path: journal, kind: "a folder")) { try Store.open(history.folder, access: .readOnly) { [] } }
        let verify = Store.verify(history.folder)
        #expect(verify.snapshotSequence == 3, "the snapshot is reported as it is, whatever the journal")
        #expect(verify.description.contains("snapshot: covers record 3"))
        #expect(verify.description.contains("journal: unreadable"))
        try FileManager.default.removeItem(atPath: journal)

        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(journal.utf8CString)
        guard bytes.count <= MemoryLayout.size(ofValue: address.sun_path) else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = UInt8(bitPattern: byte) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(throws: StoreError.notARegularFile(path: journal, kind: "a socket")) { try retryingOwnLock { try Store.open(history.folder, access: .readWrite) { [] } } }
    }

    @Test func aLinkToADeviceIsRefusedWithoutOpeningTheDevice() throws {
        let temp = TemporaryFolder()
        let history = try ShopHistory.make(in: temp, compactAfter: 3)
        let snapshot = history.folder.path + "/snapshot"
        try FileManager.default.removeItem(atPath: snapshot)
        try FileManager.default.createSymbolicLink(atPath: snapshot, withDestinationPath: "/dev/zero")
        #expect(throws: StoreError.notARegularFile(path: snapshot, kind: "a character device")) {
            try Store.open(history.folder, access: .readOnly) { [] }
        }
        let report = try retryingOwnLock { try Store.recover(history.folder) }
        #expect(report.movedAside.first?.original == snapshot)
        #expect(FileManager.default.fileExists(atPath: "/dev/zero"), "the link is moved, never what it points to")
    }

    @Test func aFIFOInTheMailboxIsRefusedNotReadFrom() throws {
        let temp = TemporaryFolder()
        let mailbox = try Maildir(path: temp.path + "/mail")
        try mailbox.deliver(bytes: Array("Subject: hello\r\n\r\nbody\r\n".utf8))
        let fifo = try FIFO(temp.path + "/mail/new/1.M1P1.fifo")
        defer { fifo.finish() }
        #expect(throws: MaildirError.cannotRead(path: fifo.path, reason: "it is a FIFO (named pipe), not a message file: move it out of the mailbox")) {
            try mailbox.messages()
        }
    }
}
