import Foundation
import Testing

@Suite("One writer at a time")
struct LockTests {
    @Test func aSecondWriterIsToldWhoHoldsTheDataAndReadersStillWork() throws {
        let data = try TemporaryFolder()
        // Create the shop, then hold its lock from this (another) process.
        #expect(try ComptoirProcess.run(["cart", "add", "COF-ARB-001", "1", "--data", data.path]).status == 0)
        let lockFile = open(data.path + "/lock", O_RDWR)
        #expect(lockFile >= 0)
        defer { close(lockFile) }
        #expect(flock(lockFile, LOCK_EX | LOCK_NB) == 0)
        let pid = "\(getpid())\n"
        _ = ftruncate(lockFile, 0)
        _ = pwrite(lockFile, pid, pid.utf8.count, 0)

        let writer = try ComptoirProcess.run(["cart", "add", "COF-ARB-001", "1", "--data", data.path])
        #expect(writer.status == 75)
        #expect(writer.stderr == "comptoir: the shop data in \(data.path) is in use by process \(getpid())\n")

        let reader = try ComptoirProcess.run(["cart", "show", "--json", "--data", data.path])
        #expect(reader.status == 0)
        #expect((try parseJSON(reader.stdout)["lines"] as? [[String: Any]])?.first?["quantity"] as? Int == 1)
        #expect(try ComptoirProcess.run(["search", "café", "--data", data.path]).status == 0)
        #expect(try ComptoirProcess.run(["store", "verify", "--data", data.path]).status == 0)

        flock(lockFile, LOCK_UN)
        #expect(try ComptoirProcess.run(["cart", "add", "COF-ARB-001", "1", "--data", data.path]).status == 0)
    }

    @Test func dataFilesArePrivate() throws {
        let data = try TemporaryFolder()
        let shop = data.path + "/shop"
        let previous = umask(0)
        defer { umask(previous) }
        #expect(try ComptoirProcess.run(["cart", "add", "COF-ARB-001", "1", "--data", shop]).status == 0)
        let folderMode = try FileManager.default.attributesOfItem(atPath: shop)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        for name in try FileManager.default.contentsOfDirectory(atPath: shop) {
            let mode = try FileManager.default.attributesOfItem(atPath: shop + "/" + name)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name) has mode \(String(mode ?? 0, radix: 8))")
        }
    }
}
