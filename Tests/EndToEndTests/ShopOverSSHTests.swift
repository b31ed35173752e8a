import Foundation
import Testing

/// `comptoir serve` with real OpenSSH clients: `ssh -tt` inside tmux for the shop, plain `ssh` for
/// commands. Each step waits for what the screen or the output shows, with a bounded timeout.
@Suite(.serialized) struct ShopOverSSHTests {
    /// tmux running `ssh` into the shop; the pane's shell says how ssh ended.
    static func connect(_ server: ServeHarness, key: String, width: Int = 120, height: Int = 40) throws -> TmuxSession {
        let script = "\"$0\" \"$@\"; echo \"ssh exited with $?\"; read line"
        return try TmuxSession(command: ["sh", "-c", script] + server.ssh(user: "guest", key: key),
                               width: width, height: height, environment: ["LANG": "C.UTF-8"])
    }

    @Test func customersShopInTheirOwnTerminalsWithTheirOwnCarts() throws {
        let server = try ServeHarness()
        #expect(server.output.contains("host key: SHA256:"))
        let hostKey = server.data + "/ssh_host_ed25519_key"
        let mode = try FileManager.default.attributesOfItem(atPath: hostKey)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let first = try server.makeKey("first")
        let second = try server.makeKey("second")

        let alice = try Self.connect(server, key: first)
        defer { alice.kill() }
        try alice.waitFor("1 Catalogue")
        try alice.press("/")
        try alice.type("coffee")
        try alice.waitFor("⌕ coffee")
        try alice.press("Enter", "a")
        try alice.waitFor("Cart 1 item")

        let bob = try Self.connect(server, key: second)
        defer { bob.kill() }
        let bobs = try bob.waitFor("1 Catalogue")
        #expect(!bobs.contains("Cart 1 item"))
        try bob.press("a")
        try bob.waitFor("Cart 1 item")
        try bob.press("a")
        try bob.waitFor("Cart 2 items")

        // A window change lays the shop out again at the new size.
        try alice.resize(width: 80, height: 24)
        try alice.waitFor("the 80×24 layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count <= 25 && lines.allSatisfy { $0.count <= 80 } && screen.contains("Cart 1 item") && !screen.contains("4 Orders")
        }

        // q ends Alice's session (exit 0); Bob's goes on, and the server takes new customers.
        try alice.press("q")
        try alice.waitFor("ssh exited with 0")
        try bob.press("/")
        try bob.type("tea")
        try bob.waitFor("⌕ tea")
        let again = try Self.connect(server, key: first)
        defer { again.kill() }
        try again.waitFor("Cart 1 item")
        try bob.waitFor("Cart 2 items")

        try server.waitFor("a log line for Alice's session") { server.log.contains("end=quit") }
        let line = try #require(server.log.split(separator: "\n").first { $0.contains("end=quit") })
        #expect(line.contains("user=guest"))
        #expect(line.contains("key=SHA256:"))
        #expect(line.contains("session=ssh:SHA256:"))
        #expect(try server.stop() == 0)
        #expect(server.log.contains("end=server stopping"))
    }

    @Test func commandsOverSSHRunForTheKeyAndNothingElseRuns() throws {
        let server = try ServeHarness()
        let key = try server.makeKey("scripts")
        let search = try server.run(server.ssh(user: "guest", key: key, terminal: false) + ["search", "coffee", "--json"])
        #expect(search.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(search.output.utf8)) as? [String: Any]
        #expect((json?["total"] as? Int ?? 0) > 0)

        let sku = try #require(((json?["results"] as? [[String: Any]])?.first?["sku"]) as? String)
        let add = try server.run(server.ssh(user: "guest", key: key, terminal: false) + ["cart", "add", sku])
        #expect(add.status == 0, "\(add.output)")
        let cart = try server.run(server.ssh(user: "guest", key: key, terminal: false) + ["cart", "--json"])
        #expect(cart.output.contains(sku))
        let other = try server.makeKey("other")
        let empty = try server.run(server.ssh(user: "guest", key: other, terminal: false) + ["cart", "--json"])
        #expect(empty.status == 0)
        #expect(!empty.output.contains(sku))

        let refused = try server.run(server.ssh(user: "guest", key: key, terminal: false) + ["import", "/etc/passwd"])
        #expect(refused.status == 64)
        #expect(refused.output.contains("'import' is not a command you may run over SSH"))
        let otherFolder = try server.run(server.ssh(user: "guest", key: key, terminal: false) + ["cart", "--data", "/tmp"])
        #expect(otherFolder.status == 64)
        let noTerminal = try server.run(server.ssh(user: "guest", key: key, terminal: false, extra: ["-T"]))
        #expect(noTerminal.status == 1)
        #expect(noTerminal.output.contains("the shop needs a terminal"))
        _ = try server.stop()
    }

    @Test func anUnknownAccountsPasswordAndAMissingKeyAreRefused() throws {
        let server = try ServeHarness()
        let askpass = server.folder.appendingPathComponent("askpass.sh").path
        try "#!/bin/sh\necho 'Not-the-password-1'\n".write(toFile: askpass, atomically: true, encoding: .utf8)
        chmod(askpass, 0o700)
        let password = try server.run(
            server.ssh(user: "nobody@example.com", key: nil, terminal: false, extra: ["-o", "NumberOfPasswordPrompts=1"]) + ["search", "tea"],
            environment: ["SSH_ASKPASS": askpass, "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"])
        #expect(password.status == 255)
        #expect(password.output.contains("Permission denied"))
        let nothing = try server.run(
            server.ssh(user: "guest", key: nil, terminal: false, extra: ["-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no"])
                + ["search", "tea"])
        #expect(nothing.status == 255)
        try server.waitFor("the refusals logged") { server.log.components(separatedBy: "closed before authenticating").count >= 3 }
        _ = try server.stop()
    }

    @Test func aFullShopSaysSoAndAnIdleSessionEnds() throws {
        let server = try ServeHarness(extra: ["--max-sessions", "1", "--idle-timeout", "3s"])
        let key = try server.makeKey("first")
        let first = try Self.connect(server, key: key)
        defer { first.kill() }
        try first.waitFor("1 Catalogue")
        let second = try server.run(server.ssh(user: "guest", key: key, terminal: false) + ["search", "tea"])
        #expect(second.status == 75)
        #expect(second.output.contains("the shop is full"))
        // Nobody types: the session ends by itself, and the slot is free again.
        try first.waitFor("ssh exited with 1")
        try server.waitFor("the idle session's log line") { server.log.contains("end=idle timeout") }
        let third = try server.run(server.ssh(user: "guest", key: key, terminal: false) + ["search", "tea"])
        #expect(third.status == 0)
        _ = try server.stop()
    }

    @Test func anAccountLogsInWithItsPasswordAndAWrongOneIsRefused() throws {
        let server = try ServeHarness()
        let password = "Tilleul-et-verveine-42"
        let register = try server.run(
            [try BuiltBinary.comptoir(), "account", "register", "--data", server.data, "--name", "Camille Martin",
             "--email", "camille@example.com", "--line1", "1 rue de la Paix", "--postal-code", "75002", "--city", "Paris"],
            environment: ["COMPTOIR_PASSWORD": password, "COMPTOIR_SESSION": "setup"])
        #expect(register.status == 0, "\(register.output)")
        func askpass(_ answer: String) throws -> [String: String] {
            let path = server.folder.appendingPathComponent("askpass-\(UUID().uuidString).sh").path
            try "#!/bin/sh\necho '\(answer)'\n".write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o700)
            return ["SSH_ASKPASS": path, "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"]
        }
        let ssh = server.ssh(user: "camille@example.com", key: nil, terminal: false, extra: ["-o", "NumberOfPasswordPrompts=1"])
        // Orders need a logged-in customer: a guest is refused, the account's session is not.
        let orders = try server.run(ssh + ["orders", "--json"], environment: try askpass(password))
        #expect(orders.status == 0, "\(orders.output)")
        let wrong = try server.run(ssh + ["orders", "--json"], environment: try askpass("Not-her-password-1"))
        #expect(wrong.status == 255)
        #expect(wrong.output.contains("Permission denied"))
        let key = try server.makeKey("guest")
        let guest = try server.run(server.ssh(user: "guest", key: key, terminal: false) + ["orders"])
        #expect(guest.status == 1)
        try server.waitFor("the account's log line") { server.log.contains("session=ssh:account:camille@example.com") }
        _ = try server.stop()
    }

    @Test func aKeyAddedToAnAccountLogsItInWithoutAPassword() throws {
        let server = try ServeHarness()
        let comptoir = try BuiltBinary.comptoir()
        let setup = ["COMPTOIR_PASSWORD": "Tilleul-et-verveine-42", "COMPTOIR_SESSION": "setup"]
        let register = try server.run(
            [comptoir, "account", "register", "--data", server.data, "--name", "Camille Martin",
             "--email", "camille@example.com", "--line1", "1 rue de la Paix", "--postal-code", "75002", "--city", "Paris"],
            environment: setup)
        #expect(register.status == 0, "\(register.output)")
        let key = try server.makeKey("camille")
        let stranger = try server.makeKey("stranger")
        // Before the key is registered it is refused for the account (and no password is offered).
        let early = try server.run(server.ssh(user: "camille@example.com", key: key, terminal: false) + ["orders", "--json"])
        #expect(early.status == 255, "\(early.output)")
        let added = try server.run([comptoir, "account", "keys", "add", key + ".pub", "--data", server.data], environment: setup)
        #expect(added.status == 0, "\(added.output)")

        let orders = try server.run(server.ssh(user: "camille@example.com", key: key, terminal: false) + ["orders", "--json"])
        #expect(orders.status == 0, "\(orders.output)")
        let other = try server.run(server.ssh(user: "camille@example.com", key: stranger, terminal: false) + ["orders", "--json"])
        #expect(other.status == 255, "\(other.output)")

        let script = "\"$0\" \"$@\"; echo \"ssh exited with $?\"; read line"
        let shop = try TmuxSession(command: ["sh", "-c", script] + server.ssh(user: "camille@example.com", key: key),
                                   width: 120, height: 40, environment: ["LANG": "C.UTF-8"])
        defer { shop.kill() }
        try shop.waitFor("Camille Martin")
        try shop.press("q")
        try shop.waitFor("ssh exited with 0")
        try server.waitFor("the key login's log line") {
            server.log.split(separator: "\n").contains { $0.contains("session=ssh:account:camille@example.com") && $0.contains("key=SHA256:") }
        }
        _ = try server.stop()
    }

    @Test func registeringInTheShopMakesTheSessionsKeyLogInToTheNewAccount() throws {
        let server = try ServeHarness()
        let key = try server.makeKey("newcomer")
        let guest = try Self.connect(server, key: key)
        defer { guest.kill() }
        try guest.waitFor("1 Catalogue")
        // l opens the login form; its "Create an account" button opens the registration.
        try guest.press("l", "Tab", "Tab", "Tab", "Enter")
        try guest.waitFor("Create the account")
        for (text, tabs) in [("Dominique Roux", 1), ("dominique@example.com", 1), ("quiet harbour window", 1),
                             ("3 place Bellecour", 2), ("69002", 1), ("Lyon", 3)] {
            try guest.type(text)
            for _ in 0..<tabs { try guest.press("Tab") }
        }
        try guest.press("Tab", "Enter")
        let told = try guest.waitFor("now logs you in as dominique@example.com")
        let fingerprint = try #require(server.run(["ssh-keygen", "-lf", key + ".pub"]).output.split(separator: " ").dropFirst().first)
        #expect(told.contains("Your SSH key \(fingerprint.prefix(15))…"))
        try guest.press("q")
        try guest.waitFor("ssh exited with 0")

        // The same key now logs in to the account: no password asked (none may be offered).
        let script = "\"$0\" \"$@\"; echo \"ssh exited with $?\"; read line"
        let again = try TmuxSession(command: ["sh", "-c", script] + server.ssh(user: "dominique@example.com", key: key),
                                    width: 120, height: 40, environment: ["LANG": "C.UTF-8"])
        defer { again.kill() }
        try again.waitFor("Dominique Roux")
        try again.press("q")
        try again.waitFor("ssh exited with 0")
        let orders = try server.run(server.ssh(user: "dominique@example.com", key: key, terminal: false) + ["orders", "--json"])
        #expect(orders.status == 0, "\(orders.output)")
        try server.waitFor("the key login's log line") {
            server.log.split(separator: "\n").contains { $0.contains("session=ssh:account:dominique@example.com") && $0.contains("key=\(fingerprint)") }
        }
        _ = try server.stop()
    }

    @Test func tooManyConnectionsFromOneAddressAreClosedAndOthersGoOn() throws {
        let server = try ServeHarness(extra: ["--connections-per-minute", "2"])
        let key = try server.makeKey("hasty")
        let ssh = server.ssh(user: "guest", key: key, terminal: false) + ["search", "tea"]
        #expect(try server.run(ssh).status == 0)
        #expect(try server.run(ssh).status == 0)
        let third = try server.run(ssh)
        #expect(third.status == 255)
        try server.waitFor("the refusal logged") { server.log.contains("end=refused: too many connections from this address") }
        _ = try server.stop()
    }
}
