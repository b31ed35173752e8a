/// A product in the catalogue. Prices are shelf prices, VAT included.
public struct Product: Hashable, Sendable {
    // Stored properties are declared widest first, each optional followed by what fits in its
    // padding: Swift lays fields out in declaration order, and this order makes a `Product` 248
    // bytes instead of 304 (56 MB over a million products).
    public var sku: String
    public var title: String
    public var brand: String
    public var category: String
    public var description: String
    public var barcode: String?
    public var tags: [String]
    public var imageURLs: [String]
    /// Extra facts shown on the product page (warranty, dimensions, weight, return policy...).
    public var specifications: [Specification]
    public var reviews: [Review]
    public var stockOnHand: Int
    /// Units promised to placed orders and not yet shipped.
    public var reservedStock: Int
    /// Smallest quantity one order may hold (DummyJSON's `minimumOrderQuantity`).
    public var minimumOrderQuantity: Int
    /// At or below this many available units the product shows as low stock.
    public var lowStockThreshold: Int
    /// Shelf price, VAT included.
    public var price: Money
    public var vatClass: VATClass
    /// The price before a discount, shown struck through; nil when not discounted.
    public var previousPrice: Money?
    /// When set, the product can be ordered beyond stock and ships in this many days.
    public var leadTime: LeadTime?
    public var rating: Rating?
    /// Largest quantity one order may hold; nil means only stock limits it.
    public var maximumOrderQuantity: Int?
    /// When the product was listed, seconds since 1970 (from the data, not a clock); used by `sort:newest`.
    public var listedAt: Int64?

    public init(
        sku: String, title: String, brand: String, category: String, description: String = "",
        tags: [String] = [], price: Money, previousPrice: Money? = nil, vatClass: VATClass = .standard,
        stockOnHand: Int, reservedStock: Int = 0, leadTime: LeadTime? = nil, rating: Rating? = nil,
        minimumOrderQuantity: Int = 1, maximumOrderQuantity: Int? = nil, lowStockThreshold: Int = 5,
        listedAt: Int64? = nil, barcode: String? = nil, imageURLs: [String] = [],
        specifications: [Specification] = [], reviews: [Review] = []
    ) {
        self.sku = sku
        self.title = title
        self.brand = brand
        self.category = category
        self.description = description
        self.tags = tags
        self.price = price
        self.previousPrice = previousPrice
        self.vatClass = vatClass
        self.stockOnHand = stockOnHand
        self.reservedStock = reservedStock
        self.leadTime = leadTime
        self.rating = rating
        self.minimumOrderQuantity = minimumOrderQuantity
        self.maximumOrderQuantity = maximumOrderQuantity
        self.lowStockThreshold = lowStockThreshold
        self.listedAt = listedAt
        self.barcode = barcode
        self.imageURLs = imageURLs
        self.specifications = specifications
        self.reviews = reviews
    }

    /// Units that can still be promised to a new order.
    public var availableStock: Int {
        let (available, overflow) = stockOnHand.subtractingReportingOverflow(reservedStock)
        return overflow ? (reservedStock < 0 ? .max : 0) : max(0, available)
    }

    public var availability: Availability {
        let available = availableStock
        if available > lowStockThreshold { return .inStock }
        if available > 0 { return .lowStock(remaining: available) }
        if let leadTime { return .shipsIn(leadTime) }
        return .outOfStock
    }

    /// The most units of this product one cart line may hold right now.
    public var orderableQuantity: Int {
        let stockCap = leadTime == nil ? availableStock : Int.max
        let orderCap = maximumOrderQuantity ?? (leadTime == nil ? Int.max : Product.backorderCap)
        return min(stockCap, orderCap)
    }

    /// Largest quantity of a backorderable product one order may hold when the data sets no maximum.
    public static let backorderCap = 99

    /// The discount in whole percent, when there is a previous price.
    public var discountPercent: Int? {
        guard let previousPrice, previousPrice.currency == price.currency,
              previousPrice.minorUnits > price.minorUnits, previousPrice.minorUnits > 0 else { return nil }
        let saved = previousPrice.minorUnits.saturatingSubtracting(price.minorUnits)
        let (quotient, remainder) = saved.scaled(by: 100, over: previousPrice.minorUnits)
        return Int(remainder >= previousPrice.minorUnits - previousPrice.minorUnits / 2 ? quotient + 1 : quotient)
    }
}

/// "Ships in N–M days": the delay when a product is made or ordered on demand.
public struct LeadTime: Hashable, Sendable {
    public var minDays: Int
    public var maxDays: Int
    public init(minDays: Int, maxDays: Int) {
        self.minDays = minDays
        self.maxDays = max(minDays, maxDays)
    }
    public var label: String { minDays == maxDays ? "\(minDays) days" : "\(minDays)–\(maxDays) days" }
}

/// A rating from 0 to 5 kept in hundredths so that it compares and stores exactly.
/// Kept in an `Int16` (a product holds one), always within 0...500.
public struct Rating: Hashable, Sendable, Comparable {
    private var storedHundredths: Int16
    public var hundredths: Int {
        get { Int(storedHundredths) }
        set { storedHundredths = Int16(min(500, max(0, newValue))) }
    }
    public init(hundredths: Int) { storedHundredths = Int16(min(500, max(0, hundredths))) }
    public init(stars: Double) { self.init(hundredths: Int((stars * 100).rounded())) }
    public var stars: Double { Double(hundredths) / 100 }
    /// `4.3` — one decimal, as shown in lists.
    public var label: String {
        let tenths = (hundredths + 5) / 10
        return "\(tenths / 10).\(tenths % 10)"
    }
    public static func < (a: Rating, b: Rating) -> Bool { a.hundredths < b.hundredths }
}

public struct Specification: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

public enum Availability: Hashable, Sendable {
    case inStock
    case lowStock(remaining: Int)
    case outOfStock
    case shipsIn(LeadTime)

    public var label: String {
        switch self {
        case .inStock: return "In stock"
        case let .lowStock(remaining): return "Only \(remaining) left"
        case .outOfStock: return "Out of stock"
        case let .shipsIn(lead): return "Ships in \(lead.label)"
        }
    }

    /// Whether `in:stock` keeps the product: units are on the shelf now.
    public var isInStock: Bool {
        switch self {
        case .inStock, .lowStock: return true
        case .outOfStock, .shipsIn: return false
        }
    }
}
