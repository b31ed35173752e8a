import Foundation
import ShopServer
import Testing

@Suite struct KeyFingerprintTests {
    /// The fingerprint `ssh-keygen -lf` prints for this key.
    @Test func matchesOpenSSH() {
        let line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test"
        #expect(KeyFingerprint.of(openSSHLine: line) == "SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU")
        #expect(KeyFingerprint.of(openSSHLine: "ssh-ed25519") == nil)
        #expect(KeyFingerprint.of(openSSHLine: "ssh-ed25519 !!!") == nil)
    }

    @Test func theHostKeyIsMadeOnceWithMode0600AndReadAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostkey-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try SSHHostKey.loadOrCreate(in: folder)
        #expect(made.isNew)
        #expect(made.fingerprint.hasPrefix("SHA256:"))
        let path = folder + "/" + SSHHostKey.fileName
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let read = try SSHHostKey.loadOrCreate(in: folder)
        #expect(!read.isNew)
        #expect(read.fingerprint == made.fingerprint)
        try "garbage".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ServeError.self) { try SSHHostKey.loadOrCreate(in: folder) }
    }
}
