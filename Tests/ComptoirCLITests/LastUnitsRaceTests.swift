import Foundation
import Testing

/// Customers in separate processes racing for the last units of a product: exactly as many orders as
/// there were units; the others are refused with a message naming the stock, never told the folder
/// is busy. Each racer has its own session (`COMPTOIR_SESSION`) and account (`--email`).
@Suite("Racing for the last units")
struct LastUnitsRaceTests {
    @Test
    func asManyOrdersAsUnits() throws {
        let data = try TemporaryFolder()
        let units = 3
        let racers = 8
        let file = try data.write("last.json", #"[{"id": 1, "sku": "LAST-1", "title": "The last kettle", "price": 30, "stock": \#(units), "category": "test"}]"#)
        #expect(try ComptoirProcess.run(["import", file, "--data", data.path]).status == 0)
        let password = "Tilleul-et-verveine-42"
        for racer in 0..<racers {
            let registered = try ComptoirProcess.run(
                ["account", "register", "--name", "Racer \(racer)", "--email", "racer\(racer)@example.fr",
                 "--line1", "1 rue du Four", "--postal-code", "75006", "--city", "Paris", "--data", data.path],
                environment: ["COMPTOIR_PASSWORD": password, "COMPTOIR_SESSION": "racer-\(racer)"])
            #expect(registered.status == 0, "\(registered.stderr)")
        }
        let outcomes = Outcomes()
        nonisolated(unsafe) let folder = data
        DispatchQueue.concurrentPerform(iterations: racers) { racer in
            let environment = ["COMPTOIR_PASSWORD": password, "COMPTOIR_SESSION": "racer-\(racer)"]
            let email = "racer\(racer)@example.fr"
            do {
                let added = try ComptoirProcess.run(["cart", "add", "LAST-1", "1", "--email", email, "--data", folder.path], environment: environment)
                guard added.status == 0 else { return outcomes.record(added) }
                outcomes.record(try ComptoirProcess.run(
                    ["checkout", "--accept-terms", "--card-number", "4242424242424242", "--expiry", "12/30", "--cvc", "123",
                     "--email", email, "--data", folder.path], environment: environment))
            } catch {
                outcomes.record(ComptoirProcess.Outcome(status: -1, stdout: "", stderr: "\(error)"))
            }
        }
        let all = outcomes.all
        #expect(all.count == racers)
        #expect(all.filter { $0.status == 0 }.count == units)
        for refused in all where refused.status != 0 {
            #expect(refused.status == 1, "\(refused.stderr)")
            // Refused at checkout (the units were reserved meanwhile) or already when adding to the cart.
            let namesTheStock = refused.stderr.contains("only 0 of The last kettle (LAST-1) left")
                || refused.stderr.contains("The last kettle (LAST-1) is out of stock")
            #expect(namesTheStock, "\(refused.stderr)")
        }
        let verify = try ComptoirProcess.run(["store", "verify", "--data", data.path])
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}

/// Outcomes gathered from several threads.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [ComptoirProcess.Outcome] = []
    func record(_ outcome: ComptoirProcess.Outcome) { lock.withLock { outcomes.append(outcome) } }
    var all: [ComptoirProcess.Outcome] { lock.withLock { outcomes } }
}
