/// Why a change to the cart was refused.
public enum CartError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownProduct(sku: String)
    case quantityNotPositive(Int)
    case outOfStock(sku: String, title: String)
    case exceedsStock(sku: String, title: String, requested: Int, available: Int)
    case exceedsOrderLimit(sku: String, title: String, requested: Int, maximum: Int)
    case belowMinimumOrder(sku: String, title: String, requested: Int, minimum: Int)
    case notInCart(sku: String)
    case currencyMismatch(sku: String, cartCurrency: Currency, productCurrency: Currency)
    /// The cart would come to more than `ShopLimits.maximumTotalMinorUnits` (`limit`).
    case totalTooLarge(limit: Money)
    /// More units than `ShopLimits.maximumQuantity` asked for at once.
    case quantityTooLarge(Int)

    public var description: String {
        switch self {
        case let .unknownProduct(sku):
            return "no product has SKU \(Quote.value(sku)): check the SKU with 'comptoir search'"
        case let .quantityNotPositive(quantity):
            return "quantity \(quantity) is not allowed: give a whole number of 1 or more"
        case let .outOfStock(sku, title):
            return "\(Quote.text(title)) (\(Quote.text(sku))) is out of stock and cannot be added"
        case let .exceedsStock(sku, title, requested, available):
            return "only \(available) of \(Quote.text(title)) (\(Quote.text(sku))) in stock: asked for \(requested), choose at most \(available)"
        case let .exceedsOrderLimit(sku, title, requested, maximum):
            return "\(Quote.text(title)) (\(Quote.text(sku))) is limited to \(maximum) per order: asked for \(requested)"
        case let .belowMinimumOrder(sku, title, requested, minimum):
            return "\(Quote.text(title)) (\(Quote.text(sku))) is sold by at least \(minimum): asked for \(requested)"
        case let .notInCart(sku):
            return "\(Quote.value(sku)) is not in the cart"
        case let .currencyMismatch(sku, cartCurrency, productCurrency):
            return "\(Quote.text(sku)) is priced in \(productCurrency.code) but the cart is in \(cartCurrency.code): one order has one currency"
        case let .totalTooLarge(limit):
            return "the cart total is too large: one order may come to at most \(limit)"
        case let .quantityTooLarge(quantity):
            return "quantity \(quantity) is too large: give at most \(ShopLimits.maximumQuantity) units"
        }
    }
}
