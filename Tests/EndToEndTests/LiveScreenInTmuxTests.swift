import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Two terminals on one shop: the terminal shop stays open while other processes (a second terminal
/// shop, `comptoir import`, `checkout`, `agent pay`, `courier advance`) commit to its data folder, and
/// its screen follows them without a restart while what the customer typed stays.
@Suite(.serialized) struct LiveScreenInTmuxTests {
    /// The terminal loop follows the journal every 250 ms at most; the bound leaves room for a busy machine.
    static let followTimeout: TimeInterval = 5

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `comptoir` on `data` in another process, as a second terminal would.
    static func comptoir(_ arguments: [String], data: String) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltBinary.comptoir())
        process.arguments = arguments + ["--data", data]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COMPTOIR_PASSWORD": "Tilleul-et-verveine-42"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errors = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                       stderr: String(decoding: errors.data, as: UTF8.self))
    }

    final class DataBox: @unchecked Sendable { var data = Data() }

    /// The terminal shop on `data` in a new tmux session.
    static func openShop(data: String, config: String) throws -> TmuxSession {
        let script = "\"$0\" \"$@\"; echo \"comptoir exited with $?\"; read line"
        return try TmuxSession(command: ["sh", "-c", script, try BuiltBinary.comptoir(), "--data", data],
                               width: 200, height: 60,
                               environment: ["XDG_CONFIG_HOME": config, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
    }

    @discardableResult
    static func expectSuccess(_ arguments: [String], data: String) throws -> Outcome {
        let outcome = try comptoir(arguments, data: data)
        #expect(outcome.status == 0, "comptoir \(arguments.joined(separator: " ")): exit \(outcome.status): \(outcome.stderr)")
        return outcome
    }

    @Test func theOpenShopShowsAnImportAnOrderACashPaymentAndAParcelMovedByOtherProcesses() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let shop = try Self.openShop(data: data, config: folder.appendingPathComponent("config").path)
        defer { shop.kill() }
        try shop.waitFor("the catalogue") { ShopInTmuxTests.productsShown($0) != nil }

        // A search typed and still being edited: the import shows in its results, the text stays.
        try shop.press("/")
        try shop.type("zanzibar")
        try shop.waitFor("no results yet") { $0.contains("⌕ zanzibar") && ShopInTmuxTests.productsShown($0)?.shown == 0 }
        let file = folder.appendingPathComponent("zanzibar.json").path
        try Data(#"[{"id": 1, "sku": "ZNZ-001", "title": "Zanzibar Clove Tea", "brand": "Pemba", "price": 9.5, "stock": 40, "category": "groceries"}]"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        try Self.expectSuccess(["import", file], data: data)
        try shop.waitFor("the imported product", timeout: Self.followTimeout) {
            $0.contains("Zanzibar Clove Tea") && $0.contains("⌕ zanzibar") && ShopInTmuxTests.productsShown($0)?.shown == 1
        }
        try shop.type(" clove")
        try shop.waitFor("the search still being typed") { $0.contains("⌕ zanzibar clove") && $0.contains("Zanzibar Clove Tea") }
        try shop.press("Enter")

        // Another terminal registers, fills the cart and orders with cash while the shop is open.
        try Self.expectSuccess(["account", "register", "--name", "Zoë Martin", "--email", "zoe@example.fr",
                                "--line1", "12 rue des Lilas", "--postal-code", "75011", "--city", "Paris"], data: data)
        try Self.expectSuccess(["cart", "add", "ZNZ-001", "2"], data: data)
        let checkout = try Self.expectSuccess(["checkout", "--accept-terms", "--cash", "--json"], data: data)
        let order = try JSONSerialization.jsonObject(with: Data(checkout.stdout.utf8)) as? [String: Any] ?? [:]
        let payment = order["payment"] as? [String: Any] ?? [:]
        let reference = try #require(payment["reference"] as? String)
        let total = try #require(order["total_minor"] as? Int)
        try shop.waitFor("the order placed elsewhere", timeout: Self.followTimeout) {
            $0.contains("C-2026-000001") && $0.contains("awaiting payment") && $0.contains("Logged in as Zoë Martin")
        }

        // The cash agent records the payment: no "in use" refusal, and the screen shows it paid.
        try Self.expectSuccess(["agent", "pay", reference, "--amount", String(format: "%d.%02d", total / 100, total % 100)], data: data)
        try shop.waitFor("the cash payment", timeout: Self.followTimeout) { $0.contains("placed · paid · preparing") }

        // The courier moves the parcel.
        try Self.expectSuccess(["courier", "advance", "--hours", "30"], data: data)
        try shop.waitFor("the parcel moved", timeout: Self.followTimeout) {
            $0.contains("placed · paid · shipped") || $0.contains("completed · paid · delivered")
        }
        #expect(try !shop.screen().contains("comptoir exited"))
    }

    /// Opening needs the lock only to cut a torn tail (or create the folder): when another process
    /// keeps it past the wait, the shop exits 75, as the command line does, naming the holder.
    @Test func aShopThatCannotGetTheBusyFolderExits75() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        try Self.expectSuccess(["courier", "advance", "--minutes", "1"], data: data)
        let journal = try #require(FileHandle(forWritingAtPath: data + "/journal"))
        try journal.seekToEnd()
        journal.write(Data([0, 0, 0, 0, 0, 0, 0, 0]))
        try journal.close()
        let lock = open(data + "/lock", O_RDWR)
        #expect(lock >= 0)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let shop = try Self.openShop(data: data, config: folder.appendingPathComponent("config").path)
        defer { shop.kill() }
        let screen = try shop.waitFor("the refusal", timeout: 20) { $0.contains("comptoir exited with") }
        #expect(screen.contains("comptoir exited with 75"), "\(screen)")
        #expect(screen.contains("is in use by"), "\(screen)")
    }

    @Test func aSecondTerminalShopOnTheSameFolderJustWorks() throws {
        let folder = try BuiltBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        let config = folder.appendingPathComponent("config").path
        let first = try Self.openShop(data: data, config: config)
        defer { first.kill() }
        try first.waitFor("the first shop") { ShopInTmuxTests.productsShown($0) != nil && $0.contains("Cart · empty") }
        let second = try Self.openShop(data: data, config: config)
        defer { second.kill() }
        try second.waitFor("the second shop") { ShopInTmuxTests.productsShown($0) != nil }

        // What one adds to the (shared) cart, the other shows.
        try second.press("a")
        try second.waitFor("the cart in the second shop") { $0.contains("Cart · 1") }
        try first.waitFor("the cart in the first shop", timeout: Self.followTimeout) { $0.contains("Cart · 1") }
        try first.press("q")
        try first.waitFor("comptoir exited with 0")
        #expect(try !second.screen().contains("comptoir exited"))
    }
}
