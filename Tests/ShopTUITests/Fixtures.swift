import ShopCore
@testable import ShopTUI

/// A small catalogue with every case a view must handle: discounts, low stock, out of stock,
/// backorder, wide CJK and emoji titles, combining accents, a brand with a space.
enum Fixtures {
    static func eur(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .eur) }

    static let products: [Product] = [
        Product(sku: "COF-LAV-1", title: "Lavazza Qualità Oro 1 kg", brand: "Lavazza", category: "groceries",
                description: "Whole coffee beans, a blend of six Arabica varieties from Central and South America.",
                tags: ["coffee", "beans"], price: eur(1490), previousPrice: eur(1790), vatClass: .reduced, stockOnHand: 40,
                rating: Rating(stars: 4.6), listedAt: 1_700_000_000),
        Product(sku: "COF-ILL-1", title: "Illy Classico ground coffee 250 g", brand: "Illy", category: "groceries",
                tags: ["coffee"], price: eur(799), vatClass: .reduced, stockOnHand: 3, rating: Rating(stars: 4.2)),
        Product(sku: "TEA-MAT-1", title: "抹茶 Matcha 宇治 Uji 30 g", brand: "Marukyu Koyamaen", category: "groceries",
                tags: ["tea"], price: eur(2450), vatClass: .reduced, stockOnHand: 12, rating: Rating(stars: 4.9)),
        Product(sku: "MUG-EMO-1", title: "Mug ☕ with 👩‍👩‍👧 family print", brand: "Comptoir", category: "kitchen",
                price: eur(1200), stockOnHand: 0, rating: Rating(stars: 3.1)),
        Product(sku: "GRN-DEB-1", title: "Moulin à café manuel — édition limitée", brand: "de Buyer", category: "kitchen",
                price: eur(8900), stockOnHand: 0, leadTime: LeadTime(minDays: 3, maxDays: 5)),
        Product(sku: "KET-SMG-1", title: "Electric kettle 1.7 l", brand: "Smeg", category: "kitchen",
                price: eur(15990), previousPrice: eur(17990), stockOnHand: 25, rating: Rating(stars: 4.4)),
        Product(sku: "FLT-HAR-1", title: "Hario V60 paper filters ×100", brand: "Hario", category: "kitchen",
                price: eur(590), stockOnHand: 200, rating: Rating(stars: 4.8), maximumOrderQuantity: 10),
        Product(sku: "CUP-PAK-6", title: "Espresso cups, set of six", brand: "Comptoir", category: "kitchen",
                price: eur(2400), stockOnHand: 9, minimumOrderQuantity: 2),
    ]

    static let catalogue = Catalogue(products: products)

    static func state(width: Int = 80, height: Int = 24, cart: Cart = Cart(), theme: String = "dark", depth: ColourDepth = .indexed256) -> AppState {
        let themes = ThemeCatalog.bundled().themes
        return AppState(shop: ShopState(catalogue: catalogue, carts: Carts(guests: ["local": cart], accounts: [:])), shopper: .local, width: width, height: height, themes: themes,
            themeIndex: themes.firstIndex { $0.name == theme } ?? 0, colourDepth: depth, locale: .enUS)
    }

    /// Sends keys one by one and returns every effect asked for.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    /// The effects as the screen meant them, without the request address the stack adds.
    static func unaddressed(_ effects: [Effect]) -> [Effect] {
        effects.map { effect in
            if case let .request(_, inner) = effect { return inner }
            return effect
        }
    }

    /// The address of the first request among `effects`.
    static func request(_ effects: [Effect]) -> RequestID? {
        for effect in effects { if case let .request(id, _) = effect { return id } }
        return nil
    }

    @discardableResult
    static func type(_ state: inout AppState, _ text: String) -> [Effect] {
        text.flatMap { update(&state, .key(.character($0))) }
    }
}

/// A fast stand-in for scrypt in interface tests: the hash is `plain$` and the password.
struct PlainHasher: PasswordHasher {
    func hash(_ password: String) throws -> PasswordHash { PasswordHash(encoded: "plain$" + password) }
    func verify(_ password: String, against hash: PasswordHash) -> Bool { hash.encoded == "plain$" + password }
}
