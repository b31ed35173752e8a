import Foundation
import Testing

/// The back office and a customer at the same time, as two real processes on one data folder.
@Suite("comptoir merchant, live beside a customer")
struct MerchantLiveTests {
    /// The merchant's side, in bash: polls the inbox (bounded: 300 looks) until a ticket waits,
    /// answers it, and exits 0; 1 when none came.
    static let merchantScript = #"""
    for attempt in $(seq 1 300); do
      waiting=$(comptoir merchant tickets --open --json --email "$STAFF")
      id=$(printf '%s' "$waiting" | grep -o '"id": "T-[0-9]*"' | head -1 | cut -d'"' -f4)
      if [ -n "$id" ]; then
        comptoir merchant reply "$id" "A person from the shop: yes, gladly." --email "$STAFF" >/dev/null && exit 0
      fi
      sleep 0.1
    done
    exit 1
    """#

    @Test func aQuestionAskedWhileTheBackOfficeWatchesIsAnsweredByAPerson() throws {
        let shopper = try Shopper()
        let owner = Merchant(shopper: shopper)
        try shopper.register()
        try owner.open()
        let merchant = Process()
        merchant.executableURL = URL(fileURLWithPath: "/bin/bash")
        merchant.arguments = ["-c", Self.merchantScript]
        let binFolder = ComptoirProcess.binary.deletingLastPathComponent().path
        merchant.environment = [
            "PATH": binFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"), "LANG": "en_US.UTF-8",
            "COMPTOIR_HOME": shopper.home, "COMPTOIR_PASSWORD": owner.password, "STAFF": owner.email,
        ]
        merchant.standardOutput = FileHandle.nullDevice
        merchant.standardError = FileHandle.nullDevice
        try merchant.run()
        defer { if merchant.isRunning { merchant.terminate() } }

        #expect(try shopper.run("cart", "add", "BOK-PHA-001").status == 0)
        let placed = try shopper.json("checkout", "--accept-terms", "--card-number", "4242424242424242", "--expiry", "12/34", "--cvc", "123", "--json")
        let number = try #require(placed["number"] as? String)
        let opened = try shopper.run("support", "open", number, "Can the parcel be left with my neighbour?", "--topic", "other")
        #expect(opened.stdout.contains("A person from our team will answer by"))

        var answered = false
        for _ in 0..<300 where !answered {
            answered = try shopper.run("support", "show", "T-0001").stdout.contains("Comptoir: A person from the shop: yes, gladly.")
            if !answered { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(answered, "the reply reached the customer's ticket")
        merchant.waitUntilExit()
        #expect(merchant.terminationStatus == 0)
        let mail = try shopper.run("messages", "--json", "--kind", "support-answer")
        #expect(mail.stdout.contains("A person from the shop: yes, gladly."))
        let waiting = try owner.list("tickets", "--open")
        #expect(waiting.isEmpty)
    }
}
