import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Issue 16: the terminal shop on a data folder another process holds refuses with one line and
/// exit 75, as every command does.
@Suite struct BusyFolderInTmuxTests {
    @Test func aBusyFolderIsRefusedWithExit75() throws {
        let binary = try BuiltBinary.comptoir()
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let create = Process()
        create.executableURL = URL(fileURLWithPath: binary)
        create.arguments = ["cart", "add", "COF-ARB-001", "1", "--data", data]
        try create.run()
        create.waitUntilExit()
        #expect(create.terminationStatus == 0)
        let lockFile = open(data + "/lock", O_RDWR)
        #expect(lockFile >= 0)
        defer { close(lockFile) }
        #expect(flock(lockFile, LOCK_EX | LOCK_NB) == 0)

        let script = "\"$0\" \"$@\"; echo \"comptoir exited with $?\"; read line"
        let session = try TmuxSession(
            command: ["sh", "-c", script, binary, "--data", data], width: 250, height: 30,
            environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path])
        let screen = try session.waitFor("comptoir exited with")
        #expect(screen.contains("comptoir exited with 75"), "\(screen)")
        #expect(screen.contains("is in use by process"), "\(screen)")
    }
}
