import HashTreeCollections

/// The merchant's side of the shop's state: staff, the audit journal, settings, promotions,
/// listings, price-change notices of carts and customers' marketing consent. Changed only by
/// `apply(_:)` (through `Commerce` and `ShopState`).
public struct BackOffice: Hashable, Sendable {
    /// Staff, in the order they were added.
    public internal(set) var staff: [StaffMember] = []
    /// Every back-office action, oldest first.
    public internal(set) var audit: BlockList<AuditEntry> = []
    public internal(set) var fulfilment: FulfilmentMode = .automatic
    /// Promotions, in the order they were added; the demo's codes are the seed.
    public internal(set) var promotions: [PromoCode] = PromoCode.demo
    /// SKUs taken off sale: not found by search, not addable to a cart, not orderable.
    public internal(set) var unlisted: Set<String> = []
    /// Per cart owner, the price each line's product had before the merchant changed it: the
    /// cart says so before checkout. Cleared when the line leaves the cart or the cart is ordered.
    public internal(set) var priceNotices: [Shopper: [String: Money]] = [:]
    /// Accounts that agreed to marketing messages, and when.
    public internal(set) var marketingConsent: TreeDictionary<AccountID, ShopInstant> = [:]

    public init() {}

    /// A back office as a snapshot saved it.
    public init(
        staff: [StaffMember], audit: [AuditEntry], fulfilment: FulfilmentMode, promotions: [PromoCode],
        unlisted: Set<String>, priceNotices: [Shopper: [String: Money]], marketingConsent: [AccountID: ShopInstant]
    ) {
        self.staff = staff
        self.audit = BlockList(audit)
        self.fulfilment = fulfilment
        self.promotions = promotions
        self.unlisted = unlisted
        self.priceNotices = priceNotices
        self.marketingConsent = TreeDictionary(uniqueKeysWithValues: marketingConsent.map { ($0.key, $0.value) })
    }

    public func staffMember(email: String) -> StaffMember? {
        let wanted = email.trimmingSpaces().lowercased()
        return staff.first { $0.email == wanted }
    }

    /// The promotion named `text` (any case), ended or not.
    public func promotion(named text: String) -> PromoCode? {
        let wanted = text.trimmingSpaces().uppercased()
        return promotions.first { $0.code == wanted }
    }

    public func isListed(_ sku: String) -> Bool { !unlisted.contains(sku) }

    /// The price the product had when `owner` put it in the cart, if the merchant changed it since.
    public func previousPrice(of sku: String, in owner: Shopper) -> Money? {
        priceNotices[owner]?[sku]
    }

    mutating func apply(_ event: BackOfficeEvent) {
        switch event {
        case let .staffAdded(member):
            staff.removeAll { $0.email == member.email }
            staff.append(member)
        case let .staffRemoved(email):
            staff.removeAll { $0.email == email }
        case let .staffLoginRecorded(email, failed, lockouts, until):
            guard let index = staff.firstIndex(where: { $0.email == email }) else { return }
            staff[index].failedLoginCount = failed
            staff[index].lockoutCount = lockouts
            staff[index].lockedUntil = until
        case let .fulfilmentModeSet(mode):
            fulfilment = mode
        case let .promotionAdded(code):
            promotions.removeAll { $0.code == code.code }
            promotions.append(code)
        case let .promotionEnded(code, at):
            if let index = promotions.firstIndex(where: { $0.code == code }) { promotions[index].endedAt = at }
        case .stockSet, .priceSet:
            return
        case let .listingChanged(sku, listed):
            if listed { unlisted.remove(sku) } else { unlisted.insert(sku) }
        case let .marketingConsent(account, given, at):
            marketingConsent[account] = given ? at : nil
        case let .audited(entry):
            audit.append(entry)
        }
    }

    /// The carts of `owners` hold `sku`, whose price was `previous`: each keeps the first price it saw.
    mutating func notePriceChange(of sku: String, from previous: Money, owners: [Shopper]) {
        for owner in owners where priceNotices[owner]?[sku] == nil {
            priceNotices[owner, default: [:]][sku] = previous
        }
    }

    /// The notice of a price back where the cart saw it disappears.
    mutating func dropNotices(of sku: String, at price: Money) {
        for owner in Array(priceNotices.keys) where priceNotices[owner]?[sku] == price {
            forgetNotice(of: sku, in: owner)
        }
    }

    mutating func forgetNotice(of sku: String, in owner: Shopper) {
        priceNotices[owner]?[sku] = nil
        if priceNotices[owner]?.isEmpty == true { priceNotices[owner] = nil }
    }

    mutating func forgetNotices(in owner: Shopper) {
        priceNotices[owner] = nil
    }
}

extension ShopState {
    /// The back office's changes to products (stock, price) and to carts' price notices; placed
    /// orders keep the lines they were sold with. Called before the event reaches `commerce`.
    mutating func applyToCatalogue(_ event: CommerceEvent) {
        switch event {
        case let .backOffice(.stockSet(sku, onHand)):
            catalogue.modify(sku: sku) { $0.stockOnHand = onHand }
        case let .backOffice(.priceSet(sku, price)):
            guard let previous = catalogue.product(sku: sku)?.price, previous != price else { return }
            let owners = carts.guests.filter { $0.value.quantity(of: sku) > 0 }.map { Shopper.session($0.key) }
                + carts.accounts.filter { $0.value.quantity(of: sku) > 0 }.map { Shopper.account($0.key) }
            commerce.backOffice.notePriceChange(of: sku, from: previous, owners: owners)
            commerce.backOffice.dropNotices(of: sku, at: price)
            catalogue.modify(sku: sku) { product in
                product.price = price
                product.previousPrice = nil
            }
        case let .orderPlaced(order):
            commerce.backOffice.forgetNotices(in: .account(order.customer))
        default:
            return
        }
    }

    /// The price notices of the cart `shopper` uses: each line whose price the merchant changed
    /// since it was added, with the price it had.
    public func priceChanges(in shopper: Shopper) -> [(sku: String, previous: Money, current: Money)] {
        let owner = cartOwner(of: shopper)
        return cart(of: shopper).lines.compactMap { line in
            guard let previous = commerce.backOffice.previousPrice(of: line.sku, in: owner),
                  let current = catalogue.product(sku: line.sku)?.price, current != previous else { return nil }
            return (line.sku, previous, current)
        }
    }
}
