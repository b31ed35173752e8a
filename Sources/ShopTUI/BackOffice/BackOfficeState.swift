import ShopCore

/// Everything the back office shows, as a value: the shop as last followed, the member of staff
/// logged in, the pane, each pane's selection, the screens open over them and the status line.
/// Changed only by `BackOfficeUpdate`; drawn by `BackOfficeView`.
public struct BackOfficeState: Sendable {
    public var shop: ShopState {
        didSet { figures = BackOfficeFigures(shop) }
    }
    /// The sales report and the support inbox, worked out at most once for this `shop`.
    private var figures: BackOfficeFigures
    /// Who acts; nil until the login succeeds (the login screen is open meanwhile).
    public var staff: StaffMember?
    /// The address typed in the login form, to find the member once the login succeeds.
    var loggingInAs: String?
    public var pane: BackOfficePane = .orders
    public var screens = ScreenStack<BackOfficeScreen>()
    public var orderFilter: OrderQueueFilter = .toShip
    /// Each pane's selection (its scroll is clamped when drawn).
    public var cursors: [BackOfficePane: ListCursor] = [:]
    /// What the catalogue table is filtered by (`/`): words of the SKU or the title. Set through
    /// `setCatalogueFilter`, which finds the matching products once.
    public private(set) var catalogueFilter = TextField("", maxLength: 60)
    /// The catalogue positions the filter keeps, found when the filter or the shop changes; nil
    /// without a filter (every product, in the catalogue's order, costs nothing to list).
    private var filteredProducts: [Int]?
    /// How many messages of each thread were on screen when staff last read it here, or there when
    /// they logged in: more makes it unread.
    public var readMessages: [String: Int] = [:]
    public var status: StatusMessage?
    public var width: Int
    public var height: Int
    public private(set) var themes: [Theme]
    public private(set) var themeIndex: Int
    public private(set) var colourDepth: ColourDepth
    public private(set) var styles: ThemeStyles
    public var locale: ShopLocale
    public var timeZone: ShopTimeZone = .paris
    /// Shop time as of the runtime's last tick.
    public var now: ShopInstant
    /// How far each scrolled screen could scroll when drawn (see `ScrollExtents`).
    public let scrollExtents = ScrollExtents()

    public init(
        shop: ShopState, width: Int, height: Int, themes: [Theme], themeIndex: Int = 0, colourDepth: ColourDepth = .indexed256,
        locale: ShopLocale = .enUS, now: ShopInstant, loginEmail: String = ""
    ) {
        let themes = themes.isEmpty ? ThemeCatalog.bundled().themes : themes
        self.shop = shop
        figures = BackOfficeFigures(shop)
        self.width = width
        self.height = height
        self.themes = themes
        self.themeIndex = min(max(0, themeIndex), themes.count - 1)
        self.colourDepth = colourDepth
        self.styles = ThemeStyles(theme: themes[self.themeIndex], depth: colourDepth)
        self.locale = locale
        self.now = now
        screens.open(.login(Self.loginForm(email: loginEmail)))
    }

    /// The login form: email, password without echo, and the button.
    static func loginForm(email: String) -> Form {
        Form([.text("email", "Staff email", email, maxLength: 254), .text("password", "Password", format: .secure, maxLength: 200),
              .button("login", "Log in")], focus: email.isEmpty ? "email" : "password")
    }

    public var money: MoneyFormatter { MoneyFormatter(locale: locale) }

    public mutating func selectTheme(_ index: Int) {
        themeIndex = (index % themes.count + themes.count) % themes.count
        styles = ThemeStyles(theme: themes[themeIndex], depth: colourDepth)
    }

    public func cursor(_ pane: BackOfficePane) -> ListCursor { cursors[pane] ?? ListCursor() }

    /// Rows a pane's list shows at this size (what a page key moves).
    var pageRows: Int { max(1, height - 8) }

    // MARK: What the panes list

    /// The orders of the chosen queue, oldest first (the order they are worked in).
    public var listedOrders: ListedOrders { ListedOrders(shop.commerce, queue: orderFilter.queue) }

    /// Support threads, those waiting for the shop first, then the newest first.
    public var listedTickets: [SupportTicket] { figures.listedTickets }

    /// Threads waiting for an answer from the shop (they come first in `listedTickets`).
    public var waitingTickets: Int { figures.listedTickets.prefix { $0.status == .open }.count }

    /// The sales report the Dashboard shows, over every day.
    public var salesReport: SalesReport { figures.salesReport }

    /// Threads not closed with messages that came since the back office opened and that staff
    /// have not had on screen here (a question the automatic answer took counts too).
    public var unreadTickets: Int { shop.commerce.tickets.values.filter(isUnread).count }

    func isUnread(_ ticket: SupportTicket) -> Bool {
        ticket.status != .closed && ticket.messages.count > (readMessages[ticket.id] ?? 0)
    }

    /// How many products the catalogue table lists.
    public var listedProductCount: Int { filteredProducts?.count ?? shop.catalogue.count }

    /// The catalogue position of the table's row `row`.
    public func listedProduct(_ row: Int) -> Int { filteredProducts.map { $0[row] } ?? row }

    /// Filters the catalogue table by `field`'s words; the selection goes back to the top when they change.
    public mutating func setCatalogueFilter(_ field: TextField) {
        let changed = field.text != catalogueFilter.text
        catalogueFilter = field
        if changed {
            cursors[.catalogue] = ListCursor()
            refilter()
        }
    }

    /// Shows the shop as it is now (followed, or after an action).
    mutating func show(_ newShop: ShopState) {
        let catalogueChanged = newShop.catalogue != shop.catalogue
        shop = newShop
        if catalogueChanged, filteredProducts != nil { refilter() }
    }

    /// Finds the products the filter keeps again (the catalogue changed).
    mutating func refilter() {
        let words = TextFolding.fold(catalogueFilter.text).split(separator: " ").map(String.init)
        guard !words.isEmpty else {
            filteredProducts = nil
            return
        }
        let products = shop.catalogue.products
        filteredProducts = products.indices.filter { index in
            let text = TextFolding.fold(products[index].sku + " " + products[index].title)
            return words.allSatisfy { text.contains($0) }
        }
    }

    public var listedPromotions: [PromoCode] { shop.commerce.backOffice.promotions }

    /// The Customers pane's row `row` (accounts in the order they were created), from that
    /// customer's orders and threads only.
    public func customerSummary(_ row: Int) -> CustomerSummary? {
        shop.commerce.account(at: row).map { CustomerSummary($0, in: shop.commerce) }
    }

    /// How many rows the pane lists.
    func rowCount(_ pane: BackOfficePane) -> Int {
        switch pane {
        case .orders: return listedOrders.count
        case .support: return listedTickets.count
        case .catalogue: return listedProductCount
        case .promotions: return listedPromotions.count
        case .customers: return shop.commerce.accounts.count
        case .dashboard: return 0
        }
    }

    /// The selected row of the pane, within the rows it lists; nil when it lists none.
    func selectedRow(_ pane: BackOfficePane) -> Int? {
        let count = rowCount(pane)
        guard count > 0 else { return nil }
        return min(max(0, cursor(pane).selected), count - 1)
    }

    public var selectedOrder: Order? { selectedRow(.orders).map { listedOrders[$0] } }
    public var selectedTicket: SupportTicket? { selectedRow(.support).map { listedTickets[$0] } }
    public var selectedProduct: Product? {
        selectedRow(.catalogue).map { shop.catalogue.products[listedProduct($0)] }
    }
    public var selectedPromotion: PromoCode? { selectedRow(.promotions).map { listedPromotions[$0] } }
    public var selectedCustomer: Account? { selectedRow(.customers).flatMap { shop.commerce.account(at: $0) } }

    /// The currency of the catalogue's prices.
    var shopCurrency: Currency { shop.catalogue.products.first?.price.currency ?? .eur }
}
