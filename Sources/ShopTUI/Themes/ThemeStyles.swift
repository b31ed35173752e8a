/// Every style the views use, resolved once from a theme at the terminal's colour depth, so that
/// drawing a frame never looks a key up.
public struct ThemeStyles: Sendable, Equatable {
    public var base: TextStyle
    public var border: TextStyle
    public var borderFocus: TextStyle
    public var title: TextStyle
    public var titleFocus: TextStyle
    public var selection: TextStyle
    public var selectionInactive: TextStyle
    public var header: TextStyle
    public var brand: TextStyle
    public var statusbar: TextStyle
    public var footer: TextStyle
    public var footerKey: TextStyle
    public var muted: TextStyle
    public var heading: TextStyle
    public var tab: TextStyle
    public var tabActive: TextStyle
    public var input: TextStyle
    public var inputPlaceholder: TextStyle
    public var price: TextStyle
    public var pricePrevious: TextStyle
    public var discount: TextStyle
    public var stockIn: TextStyle
    public var stockLow: TextStyle
    public var stockOut: TextStyle
    public var stockBackorder: TextStyle
    public var rating: TextStyle
    public var checked: TextStyle
    public var statusDelivered: TextStyle
    public var error: TextStyle
    public var success: TextStyle
    public var overlay: TextStyle
    public var overlayBorder: TextStyle

    public init(theme: Theme, depth: ColourDepth) {
        func s(_ key: String) -> TextStyle { theme.style(key).degraded(to: depth) }
        base = s("ui")
        border = s("ui.border")
        borderFocus = s("ui.border.focus")
        title = s("ui.title")
        titleFocus = s("ui.title.focus")
        selection = s("ui.selection")
        selectionInactive = s("ui.selection.inactive")
        header = s("ui.header")
        brand = s("ui.header.brand")
        statusbar = s("ui.statusbar")
        footer = s("ui.footer")
        footerKey = s("ui.footer.key")
        muted = s("ui.muted")
        heading = s("ui.heading")
        tab = s("ui.tab")
        tabActive = s("ui.tab.active")
        input = s("ui.input")
        inputPlaceholder = s("ui.input.placeholder")
        price = s("price")
        pricePrevious = s("price.previous")
        discount = s("price.discount")
        stockIn = s("stock.in")
        stockLow = s("stock.low")
        stockOut = s("stock.out")
        stockBackorder = s("stock.backorder")
        rating = s("rating")
        checked = s("ui.checked")
        statusDelivered = s("status.delivered")
        error = s("error")
        success = s("success")
        overlay = s("ui.overlay")
        overlayBorder = s("ui.overlay.border")
        if depth == .none || (selection.background == base.background && !selection.attributes.contains(.reverse)) {
            // Without colours (or a theme that forgot) the selection still shows: reverse video.
            selection.attributes.insert(.reverse)
            selectionInactive.attributes.insert(.underline)
        }
    }
}
