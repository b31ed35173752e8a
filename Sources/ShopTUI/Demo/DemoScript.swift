import ShopCore
import ShopService
import ShopStore

/// The whole purchase as the demo plays it, with the keys the purchase screens promise; each step
/// waits for the state those screens show (so it plays at any terminal size): search, filter by a brand, open a product and add
/// it, check out, pay with the 3-D Secure test card, type the code read from Messages, watch the
/// parcel arrive on the order's timeline, return an item, read the messages.
public struct DemoScript: Sendable {
    /// What each chapter shows, for the caption "Step N of M: …".
    public var chapters: [String]
    public var steps: [DemoStep]
    /// The caption once every step is done.
    public var finale = "Demo finished — q ends"

    public init(chapters: [String], steps: [DemoStep]) {
        self.chapters = chapters
        self.steps = steps
    }

    /// The test card that asks for a 3-D Secure code (`SimulatedGateway.testCards`).
    public static let threeDSecureCard = "4000 0027 6000 3184"

    /// The journey, with waits long enough for a parcel to arrive at `clockSpeed` shop seconds
    /// per second: twelve shop days, enough for shipping, five days in transit and a parcel held
    /// at the depot after a failed attempt (the rare parcel sent back to the shop never arrives).
    public static func journey(query: String = "coffee", brand: String = "Brewcraft", clockSpeed: Int64) -> DemoScript {
        let parcelTimeout = Double(12 * 86_400) / Double(max(1, clockSpeed)) + 10
        let chapters = [
            "searching the catalogue",
            "filtering by a brand",
            "opening a product and adding it to the cart",
            "checking out: address, delivery, review",
            "paying with a 3-D Secure card",
            "reading the code in Messages and typing it",
            "following the parcel until it is delivered",
            "returning an item",
            "reading the messages",
        ]
        var steps: [DemoStep] = []
        steps += searching(query, chapter: 1)
        steps += filtering(brand, chapter: 2)
        steps += adding(chapter: 3)
        steps += checkingOut(chapter: 4)
        steps += paying(chapter: 5)
        steps += typingTheCode(chapter: 6)
        steps += following(chapter: 7, timeout: parcelTimeout)
        steps += returning(chapter: 8)
        steps += readingMessages(chapter: 9)
        return DemoScript(chapters: chapters, steps: steps)
    }

    /// "Demo finished: order NUMBER delivered and returned." once the newest order is both.
    public static func finishedLine(_ state: AppState) -> String? {
        guard let order = newestOrder(state), order.deliveredAt != nil, !order.returns.isEmpty else { return nil }
        return "Demo finished: order \(order.number) delivered and returned."
    }

    /// The caption once `slow` or `normal` is done and the shop is the presenter's; short enough
    /// for 80 columns.
    public static func handOver(_ state: AppState) -> String {
        guard let order = newestOrder(state) else { return "Demo finished; the shop is yours, q quits" }
        return "Done: order \(order.number) delivered, returned; q quits"
    }

    // MARK: - The chapters

    static func searching(_ query: String, chapter: Int) -> [DemoStep] {
        let keys = DemoKey.press(.character("/")) + DemoKey.typing(query) + DemoKey.press(.enter)
        return [DemoStep(chapter: chapter, goal: "results for “\(query)”", keys: keys, dwell: 1) { state in
            state.search.text == query && !state.search.isEditing && state.results.total > 0
        }]
    }

    static func filtering(_ brand: String, chapter: Int) -> [DemoStep] {
        [
            DemoStep(chapter: chapter, goal: "the Filters pane", keys: DemoKey.press(.character("2")), dwell: 0.5) { $0.focus == .filters },
            DemoStep(chapter: chapter, goal: "a brand ticked", dwell: 1, plan: { state in
                let brands = state.filterRows.enumerated().compactMap { row -> (Int, String)? in
                    if case let .brand(name, _, _) = row.element { return (row.offset, name) } else { return nil }
                }
                guard let target = brands.first(where: { $0.1 == brand }) ?? brands.first else {
                    return .impossible("no brand to filter by in the Filters pane")
                }
                // Down and Up skip the headings, so count the rows that can be selected.
                let current = state.filtersCursor.selected
                let between = state.filterRows.indices.filter { index in
                    state.filterRows[index].isSelectable && index > min(current, target.0) && index <= max(current, target.0)
                }
                return .keys(Array(repeating: DemoKey(target.0 >= current ? .down : .up), count: between.count) + DemoKey.press(.enter))
            }, until: { !$0.filters.brands.isEmpty }),
            DemoStep(chapter: chapter, goal: "the catalogue", keys: DemoKey.press(.character("1"))) { $0.focus == .catalogue },
        ]
    }

    static func adding(chapter: Int) -> [DemoStep] {
        [
            DemoStep(chapter: chapter, goal: "a product page", dwell: 1.5, plan: { state in
                let positions = state.results.positions(offset: 0, limit: state.results.total)
                guard let index = positions.firstIndex(where: { isGoodToShow(state.shop.catalogue.products[$0]) }) else {
                    return .impossible("no product in stock among the results")
                }
                return .keys(moves(from: state.catalogueCursor.selected, to: index) + DemoKey.press(.enter))
            }, until: { $0.detail != nil }),
            DemoStep(chapter: chapter, goal: "the product in the cart", keys: DemoKey.press(.character("a")), dwell: 1) { !$0.cart.isEmpty },
        ]
    }

    static func checkingOut(chapter: Int) -> [DemoStep] {
        [
            DemoStep(chapter: chapter, goal: "the Cart pane", keys: DemoKey.press(.escape, .character("3")), dwell: 1) { $0.focus == .cart },
            DemoStep(chapter: chapter, goal: "the Address step", keys: DemoKey.press(.character("c")), dwell: 1) {
                checkoutStep($0) == .address
            },
            DemoStep(chapter: chapter, goal: "the Delivery step", keys: DemoKey.press(.enter), dwell: 1) { checkoutStep($0) == .delivery },
            DemoStep(chapter: chapter, goal: "the Review step", keys: DemoKey.press(.enter), dwell: 1) { checkoutStep($0) == .review },
            // Promo code, gift wrap, insurance, then the terms box.
            DemoStep(chapter: chapter, goal: "the terms of sale ticked", keys: DemoKey.press(.tab, .tab, .tab, .character(" ")), dwell: 1) {
                checkoutStep($0) == .review && $0.checkout?.review.isChecked("terms") == true
            },
        ]
    }

    static func paying(chapter: Int) -> [DemoStep] {
        [
            DemoStep(chapter: chapter, goal: "the Payment step", keys: DemoKey.press(.enter), dwell: 1) { state in
                checkoutStep(state) == .payment && state.checkout?.paymentScreen == .choose
            },
            DemoStep(chapter: chapter, goal: "the 3-D Secure screen",
                     keys: DemoKey.press(.tab) + DemoKey.typing(threeDSecureCard.filter { $0 != " " })
                        + DemoKey.press(.tab) + DemoKey.typing("1230") + DemoKey.press(.tab) + DemoKey.typing("123")
                        + DemoKey.press(.enter),
                     dwell: 1.5) { $0.checkout?.paymentScreen == .threeDSecure && checkoutStep($0) == .payment },
        ]
    }

    static func typingTheCode(chapter: Int) -> [DemoStep] {
        [DemoStep(chapter: chapter, goal: "the confirmation", dwell: 2.5, plan: { state in
            guard let code = threeDSecureCode(state) else { return .impossible("no 3-D Secure code in Messages") }
            return .keys(DemoKey.typing(code) + DemoKey.press(.enter))
        }, until: { checkoutStep($0) == .confirmation })]
    }

    static func following(chapter: Int, timeout: Double) -> [DemoStep] {
        [
            DemoStep(chapter: chapter, goal: "the shop again", keys: DemoKey.press(.enter)) { checkoutStep($0) == nil },
            DemoStep(chapter: chapter, goal: "the Orders pane", keys: DemoKey.press(.character("4")), dwell: 1) { $0.focus == .orders },
            DemoStep(chapter: chapter, goal: "the order's page", keys: DemoKey.press(.enter), dwell: 0.5) { state in
                newestOrder(state).map { state.orderScreen?.number == $0.number } ?? false
            },
            DemoStep(chapter: chapter, goal: "the parcel delivered", keys: [], timeout: timeout, dwell: 2) { state in
                newestOrder(state).map { $0.deliveredAt != nil && state.orderScreen?.number == $0.number } ?? false
            },
        ]
    }

    static func returning(chapter: Int) -> [DemoStep] {
        [
            DemoStep(chapter: chapter, goal: "the return screen", keys: DemoKey.press(.character("r")), dwell: 1) {
                $0.orderScreen?.returnDraft != nil
            },
            DemoStep(chapter: chapter, goal: "a return label", keys: DemoKey.press(.character("+"), .enter), dwell: 2) { state in
                newestOrder(state).map { !$0.returns.isEmpty } == true && state.orderScreen?.returnDraft?.label != nil
            },
        ]
    }

    static func readingMessages(chapter: Int) -> [DemoStep] {
        [
            DemoStep(chapter: chapter, goal: "the Messages pane", keys: DemoKey.press(.escape, .escape, .character("5")), dwell: 1) { state in
                state.focus == .messages && state.orderScreen == nil
            },
            DemoStep(chapter: chapter, goal: "the newest message open", keys: DemoKey.press(.enter), dwell: 2) { state in
                state.reader != nil && state.reader?.key == state.customerMessages.last?.key
            },
        ]
    }

    // MARK: - Reading the state

    /// The checkout step on screen; nil when the wizard is closed.
    static func checkoutStep(_ state: AppState) -> CheckoutWizard.Step? {
        guard let wizard = state.checkout, wizard.isOpen else { return nil }
        return wizard.step
    }

    /// The logged-in customer's newest order.
    static func newestOrder(_ state: AppState) -> Order? {
        guard let customer = state.customer else { return nil }
        return state.shop.commerce.orders(of: customer.id).last
    }

    /// The code of the newest 3-D Secure message to the logged-in customer about the newest order.
    static func threeDSecureCode(_ state: AppState) -> String? {
        ShopMailbox.threeDSecureCode(in: state.customerMessages, orderNumber: newestOrder(state)?.number)
    }

    /// A product the demo can buy and return: in stock now, one at a time, not perishable.
    static func isGoodToShow(_ product: Product) -> Bool {
        if case .inStock = product.availability {} else { return false }
        return product.minimumOrderQuantity <= 1 && !OrderLine.isPerishable(product)
    }

    static func moves(from current: Int, to target: Int) -> [DemoKey] {
        let key: Key = target >= current ? .down : .up
        return Array(repeating: DemoKey(key), count: abs(target - current))
    }
}
