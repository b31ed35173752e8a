import Foundation
import Testing

/// `comptoir account keys add|list|remove` with the real binary; fingerprints as `ssh-keygen -lf` prints them.
@Suite("comptoir account keys", .serialized)
struct AccountKeysCommandTests {
    static let zoeKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBd2+/TQ/jWA9/0J6fFBau/iE5EuSA7337a9fSWg3OaT zoe@laptop"
    static let zoeFingerprint = "SHA256:v1dGyOll0scog90SDX3H72zZn781kn9PG6FGHm5I61g"
    static let otherKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAII6Z2RmIvYZGXhqPj4FGDsNtPEXDcwgwba7j0jGGeJtz"
    static let otherFingerprint = "SHA256:ir6CDEqu5wXAzestPhxETyg5Rv/VX02Gn8Ch/fJmI3U"

    func keys(_ shopper: Shopper, _ arguments: String...) throws -> [[String: Any]] {
        let outcome = try ComptoirProcess.run(["account", "keys", "list", "--json"] + arguments, environment: shopper.environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test func addListAndRemoveKeys() throws {
        let shopper = try Shopper()
        try shopper.register()
        let file = try shopper.folder.write("id_ed25519.pub", Self.zoeKey + "\n")
        let added = try shopper.run("account", "keys", "add", file)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains(Self.zoeFingerprint), "\(added.stdout)")
        let fromInput = try ComptoirProcess.run(["account", "keys", "add", "-", "--email", "zoe@example.fr"],
                                                environment: shopper.environment, stdin: Self.otherKey)
        #expect(fromInput.status == 0, "\(fromInput.stderr)")

        let listed = try keys(shopper)
        // Listed by when they were added, then by fingerprint (both came within one second here).
        #expect(Set(listed.compactMap { $0["fingerprint"] as? String }) == [Self.zoeFingerprint, Self.otherFingerprint])
        #expect(listed.count == 2)
        let zoe = listed.first { $0["fingerprint"] as? String == Self.zoeFingerprint }
        #expect(zoe?["comment"] as? String == "zoe@laptop")
        #expect(zoe?["type"] as? String == "ssh-ed25519")
        let text = try shopper.run("account", "keys", "list")
        #expect(text.stdout.contains("\(Self.zoeFingerprint)  ssh-ed25519  zoe@laptop"), "\(text.stdout)")

        let removed = try shopper.run("account", "keys", "remove", Self.zoeFingerprint)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try keys(shopper, "--email", "zoe@example.fr").map { $0["fingerprint"] as? String } == [Self.otherFingerprint])
    }

    @Test func refusalsAreOneLineWithTheirStatus() throws {
        let shopper = try Shopper()
        let file = try shopper.folder.write("id.pub", Self.zoeKey)
        let guest = try shopper.run("account", "keys", "add", file)
        #expect(guest.status == 1)
        #expect(guest.stderr.contains("no customer is logged in"), "\(guest.stderr)")

        try shopper.register()
        let garbage = [
            ("garbage.pub", "hello world"),
            ("truncated.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBd2"),
            ("mismatch.pub", "ecdsa-sha2-nistp256 AAAAC3NzaC1lZDI1NTE5AAAAIBd2+/TQ/jWA9/0J6fFBau/iE5EuSA7337a9fSWg3OaT"),
            ("two.pub", Self.zoeKey + "\n" + Self.otherKey + "\n"),
            ("empty.pub", "\n"),
            ("rsa.pub", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ x"),
        ]
        for (name, contents) in garbage {
            let outcome = try shopper.run("account", "keys", "add", try shopper.folder.write(name, contents))
            #expect(outcome.status == 64, "\(name): \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("comptoir: ") && outcome.stderr.split(separator: "\n").count == 1, "\(name): \(outcome.stderr)")
        }
        let missing = try shopper.run("account", "keys", "add", shopper.folder.path + "/absent.pub")
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("is not a readable file"), "\(missing.stderr)")
        #expect(try keys(shopper).isEmpty)

        #expect(try shopper.run("account", "keys", "add", file).status == 0)
        let again = try shopper.run("account", "keys", "add", file)
        #expect(again.status == 1)
        #expect(again.stderr == "comptoir: the key \(Self.zoeFingerprint) is already registered to this account: see them with 'comptoir account keys list'\n",
                "\(again.stderr)")

        let register = try shopper.run("account", "register", "--name", "Bob", "--email", "bob@example.fr", "--session", "bob",
                                       "--line1", "1 rue", "--postal-code", "75011", "--city", "Paris")
        #expect(register.status == 0, "\(register.stderr)")
        let taken = try shopper.run("account", "keys", "add", file, "--session", "bob")
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("registered to another account"), "\(taken.stderr)")
        let notBobs = try shopper.run("account", "keys", "remove", Self.zoeFingerprint, "--session", "bob")
        #expect(notBobs.status == 1)
        #expect(notBobs.stderr.contains("no key with the fingerprint"), "\(notBobs.stderr)")
        #expect(try keys(shopper).count == 1)
    }
}
