import Foundation
import ShopCore
import ShopStore

/// Store tests trade at the wall clock with fresh randomness, as the application layer does in
/// the shop (ShopStore itself reads no clock).
extension Store {
    static var wallClock: ShopInstant { ShopInstant(secondsSince1970: Int64(Date().timeIntervalSince1970)) }

    @discardableResult
    func trade(_ command: CommerceCommand) throws -> [ShopEvent] {
        try trade(command, wallClock: Self.wallClock, entropy: UInt64.random(in: 0...UInt64.max))
    }

    var shopTime: ShopInstant { shopTime(wallClock: Self.wallClock) }
}
