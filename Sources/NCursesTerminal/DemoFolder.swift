import Foundation
import ShopCore
import ShopService
import ShopTUI

/// The throw-away data folder of demo mode: a fresh temporary directory holding a new shop with
/// the demo account registered and logged in; removed when the shop closes.
struct DemoFolder {
    let path: String

    /// Makes `$TMPDIR/comptoir-demo-XXXXXX`.
    static func create(environment: [String: String]) throws(LaunchProblem) -> DemoFolder {
        let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/comptoir-demo-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!).map { String(cString: $0) } }
        guard let made else {
            throw LaunchProblem(description: "comptoir: no temporary folder for the demo in \(base): \(String(cString: strerror(errno)))")
        }
        return DemoFolder(path: made)
    }

    /// Registers the demo account in a new shop, which logs `session` in.
    func registerAccount(in service: ShopService, session: String?) throws(LaunchProblem) {
        do {
            try service.register(try DemoAccount.registration(), password: DemoAccount.password, session: session)
        } catch {
            throw LaunchProblem(description: "comptoir: the demo account could not be created: \(error)")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
