import ShopCore
import ShopStore

/// The product page open over the catalogue: which product and how many to add.
public struct ProductDetail: Hashable, Sendable {
    public var sku: String
    public var quantity: Int
    /// How far the description, specifications and reviews are scrolled.
    public var scroll = 0

    public init(sku: String, quantity: Int) {
        self.sku = sku
        self.quantity = quantity
    }
}

/// The text typed in the search box; while `isEditing`, keys type into it at the caret.
public struct SearchBox: Hashable, Sendable {
    /// The longest query the box takes; a longer paste is cut there, with a note.
    public static let maxLength = ShopLimits.maximumQueryLength

    /// The typed text with its caret, edited like every form field.
    public var field: TextField
    public var isEditing = false

    /// The typed text; setting it puts the caret at its end.
    public var text: String {
        get { field.text }
        set { field.set(newValue) }
    }

    public init(text: String = "", isEditing: Bool = false) {
        self.field = TextField(text, maxLength: Self.maxLength)
        self.isEditing = isEditing
    }

    public init(field: TextField, isEditing: Bool) {
        self.field = field
        self.isEditing = isEditing
    }
}

/// The whole interface as one value: the shop as last journaled, what the customer searched,
/// filtered, selected and opened, the screen size and the theme. `update` changes it; views read it.
public struct AppState: Sendable {
    public var shop: ShopState
    /// Who uses this screen: the session whose cart and login it shows (`local` for the terminal
    /// shop, `local:NAME` with `--session NAME`).
    public let shopper: Shopper
    /// The SSH public key this screen's customer connected with (`comptoir serve`): registering
    /// here adds it to the new account. Nil in a local terminal.
    public var sessionKey: PublicKeyEntry?
    /// The catalogue's search index; nil while the runtime builds it in the background (a large
    /// catalogue's cold start), when the catalogue shows unfiltered and typed searches wait.
    public internal(set) var index: SearchIndex?
    public internal(set) var results: SearchResultSet
    /// Why the typed query could not be read; the previous results stay on screen meanwhile.
    public internal(set) var queryProblem: String?
    /// Whether searches run in `update` or in the background (see `SearchMode`).
    public let searchMode: SearchMode
    public internal(set) var searchProgress = SearchProgress()
    /// The search box's text and caret (`search` adds whether keys type into it, a screen).
    var searchField: TextField
    /// The filters of the last query that parsed, as the Filters pane shows them; the pane changes
    /// them by editing the search box's text.
    public internal(set) var filters: FilterSelection
    public internal(set) var filterRows: [FilterItem]
    public var focus: PaneID
    /// The side pane shown next to the catalogue between 80 and 119 columns.
    public var sidePane: PaneID
    public var catalogueCursor = ListCursor()
    public var filtersCursor = ListCursor()
    public var cartCursor = ListCursor()
    /// The selected order in Orders (newest first) and message in Messages (newest first).
    public var ordersCursor = ListCursor()
    public var messagesCursor = ListCursor()
    /// The screens open over the panes, each with its own state (see `ShopScreen`); the
    /// properties `detail`, `orderScreen`, `checkout`... read and write them.
    public internal(set) var screens = ScreenStack<ShopScreen>()
    /// The login screen and the checkout closed with their input kept, for when they reopen.
    var keptAccountForm: AccountForm?
    var keptCheckout: CheckoutWizard?
    /// How far the scrolled screens could scroll as last drawn (see `ScrollExtents`).
    public let scrollExtents = ScrollExtents()
    /// Requests screens sent so far: the serial of the next `RequestID`.
    var requestCount = 0
    public var status: StatusMessage? { didSet { statusTicks = 0 } }
    /// Ticks since the status line was last set: 0 means it says what the last action did.
    public var statusTicks = 0
    public var width: Int
    public var height: Int
    public private(set) var themes: [Theme]
    public private(set) var themeIndex: Int
    public private(set) var colourDepth: ColourDepth
    public private(set) var styles: ThemeStyles
    public var locale: ShopLocale
    /// Shop time as of the runtime's last tick: what timelines, countdowns and quotes use.
    public var now: ShopInstant
    /// The shop's mailbox (`DATA/mail`), oldest first, all accounts'.
    public var mailbox: [MailboxEntry] = []
    /// Set in demo mode: the header shows "DEMO" and shop time, the status line the demo's caption.
    public var demo: DemoBanner?

    public init(
        shop: ShopState, shopper: Shopper, index: SearchIndex? = nil, width: Int, height: Int, themes: [Theme], themeIndex: Int = 0,
        colourDepth: ColourDepth = .indexed256, locale: ShopLocale = .enUS,
        now: ShopInstant = ShopInstant.utc(year: 2026, month: 11, day: 30, hour: 9), searchMode: SearchMode = .inline
    ) {
        let themes = themes.isEmpty ? ThemeCatalog.bundled().themes : themes
        self.shop = shop
        self.shopper = shopper
        self.searchMode = searchMode
        if let index {
            self.index = index
        } else if searchMode == .inline {
            self.index = SearchIndex(catalogue: shop.catalogue)
        } else {
            self.index = nil
            searchProgress.indexGeneration = 1
            searchProgress.unsentIndexBuild = true
        }
        // The first results come at once: the whole catalogue, searched, or in its own order while indexing.
        self.results = self.index?.search(SearchQuery(), hiding: shop.hiddenFromSearch) ?? SearchResultSet.catalogueOrder(count: shop.catalogue.count)
        self.searchField = TextField("", maxLength: SearchBox.maxLength)
        self.filters = FilterSelection()
        self.filterRows = []
        self.focus = .catalogue
        self.sidePane = .filters
        self.width = width
        self.height = height
        self.themes = themes
        self.themeIndex = min(max(0, themeIndex), themes.count - 1)
        self.colourDepth = colourDepth
        self.styles = ThemeStyles(theme: themes[self.themeIndex], depth: colourDepth)
        self.locale = locale
        self.now = now
        show(results, resetSelection: true)
    }

    public var theme: Theme { themes[themeIndex] }

    /// The account the session is logged in to, if any.
    public var customer: Account? { shop.account(of: shopper) }

    /// The session's cart: its guest cart, or its account's once logged in.
    public var cart: Cart { shop.cart(of: shopper) }

    /// The logged-in customer's messages, oldest first: those addressed to exactly the account's
    /// address (the mailbox holds every account's).
    public var customerMessages: [MailboxEntry] {
        guard let customer else { return [] }
        return mailbox.filter { $0.isAddressed(to: customer.email.value) }
    }

    public var money: MoneyFormatter { MoneyFormatter(locale: locale) }
    /// The customer's time zone (`TZ` read at launch; the shop's Europe/Paris by default):
    /// every time on screen is local to it.
    public var timeZone: ShopTimeZone = .paris

    public var layout: Layout { Layout(width: width, height: height, focus: focus, sidePane: sidePane) }

    /// The product under the catalogue selection, if any.
    public var selectedProduct: Product? {
        guard let position = results.positions(offset: catalogueCursor.selected, limit: 1).first else { return nil }
        return shop.catalogue.products[position]
    }

    public var detailProduct: Product? { detail.flatMap { shop.catalogue.product(sku: $0.sku) } }

    public mutating func selectTheme(_ index: Int) {
        themeIndex = (index % themes.count + themes.count) % themes.count
        styles = ThemeStyles(theme: themes[themeIndex], depth: colourDepth)
    }

    public mutating func setColourDepth(_ depth: ColourDepth) {
        colourDepth = depth
        styles = ThemeStyles(theme: themes[themeIndex], depth: depth)
    }

    /// Keeps every selection inside its list and visible in its pane, after a resize or a change.
    public mutating func clampCursors() {
        let layout = self.layout
        catalogueCursor.keepVisible(count: results.total, visible: layout.listRows(.catalogue))
        cartCursor.keepVisible(count: cart.lines.count, visible: layout.listRows(.cart))
        ordersCursor.keepVisible(count: customerOrders.count, visible: OrdersPaneView.visibleOrders(layout))
        messagesCursor.keepVisible(count: customerMessages.count, visible: layout.listRows(.messages))
        let selectable = filterRows.indices.filter { filterRows[$0].isSelectable }
        if !selectable.isEmpty, !filterRows[min(filtersCursor.selected, filterRows.count - 1)].isSelectable {
            filtersCursor.selected = selectable.first { $0 >= filtersCursor.selected } ?? selectable.last!
        }
        filtersCursor.keepVisible(count: filterRows.count, visible: layout.listRows(.filters))
    }
}
