/// The screens the shop opens over its panes, each with its own state. They sit on the
/// `AppState.screens` stack on fixed layers, lowest first; the top one takes the keys first.
public enum ShopScreen: Hashable, Sendable, LayeredScreen {
    /// The product page, drawn in the catalogue pane (it takes keys while the catalogue has the focus).
    case productDetail(ProductDetail)
    /// Keys type into the search box.
    case searchEditing
    /// A price range typed on the Filters pane's Price row.
    case priceEntry(TextField)
    case messageReader(MessageReader)
    /// The order screen and its return and support steps.
    case order(OrderScreen)
    /// "Cancel order N? y/n".
    case confirmCancel(orderNumber: String)
    case checkout(CheckoutWizard)
    case accountForm(AccountForm)
    /// "Quit and lose what you typed? y/n".
    case confirmQuit
    case help

    public enum Layer: Int, Comparable, Hashable, Sendable, CaseIterable {
        case productDetail, searchEditing, priceEntry, messageReader, order, confirmCancel, checkout, accountForm, confirmQuit, help

        public static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var layer: Layer {
        switch self {
        case .productDetail: return .productDetail
        case .searchEditing: return .searchEditing
        case .priceEntry: return .priceEntry
        case .messageReader: return .messageReader
        case .order: return .order
        case .confirmCancel: return .confirmCancel
        case .checkout: return .checkout
        case .accountForm: return .accountForm
        case .confirmQuit: return .confirmQuit
        case .help: return .help
        }
    }

    /// Whether the screen replaces the panes (full-screen forms, the order screen, the reader).
    var coversPanes: Bool {
        switch self {
        case .checkout, .accountForm, .order, .messageReader: return true
        case .productDetail, .searchEditing, .priceEntry, .confirmCancel, .confirmQuit, .help: return false
        }
    }
}

/// Each screen's state as a property of `AppState`, read from and written to the stack: setting
/// one opens it on its layer (or replaces it), nil closes it.
extension AppState {
    private mutating func setScreen(_ screen: ShopScreen?, on layer: ShopScreen.Layer) {
        if let screen { screens.open(screen) } else { screens.close(layer) }
    }

    public var detail: ProductDetail? {
        get { if case let .productDetail(detail)? = screens.screen(on: .productDetail) { return detail } else { return nil } }
        set { setScreen(newValue.map { .productDetail($0) }, on: .productDetail) }
    }

    /// The order screen, when open over the panes.
    public var orderScreen: OrderScreen? {
        get { if case let .order(screen)? = screens.screen(on: .order) { return screen } else { return nil } }
        set { setScreen(newValue.map { .order($0) }, on: .order) }
    }

    /// The message open in the reader.
    public var reader: MessageReader? {
        get { if case let .messageReader(reader)? = screens.screen(on: .messageReader) { return reader } else { return nil } }
        set { setScreen(newValue.map { .messageReader($0) }, on: .messageReader) }
    }

    /// The order whose cancellation waits for y/n.
    public var pendingCancel: String? {
        get { if case let .confirmCancel(number)? = screens.screen(on: .confirmCancel) { return number } else { return nil } }
        set { setScreen(newValue.map { .confirmCancel(orderNumber: $0) }, on: .confirmCancel) }
    }

    public var showsHelp: Bool {
        get { screens.contains(.help) }
        set { setScreen(newValue ? .help : nil, on: .help) }
    }

    /// `q` was pressed on a form screen: the next key answers "Quit and lose what you typed? y/n".
    public var confirmsQuit: Bool {
        get { screens.contains(.confirmQuit) }
        set { setScreen(newValue ? .confirmQuit : nil, on: .confirmQuit) }
    }

    /// Whether keys type into the search box.
    var isEditingSearch: Bool {
        get { screens.contains(.searchEditing) }
        set { setScreen(newValue ? .searchEditing : nil, on: .searchEditing) }
    }

    /// The "Log in" / "Create an account" screen: open on the stack, or closed with its input kept
    /// (`isOpen` false) for when it reopens.
    public var accountForm: AccountForm? {
        get {
            if case let .accountForm(form)? = screens.screen(on: .accountForm) { return form }
            return keptAccountForm
        }
        set {
            keptAccountForm = newValue?.isOpen == false ? newValue : nil
            setScreen(newValue.flatMap { $0.isOpen ? .accountForm($0) : nil }, on: .accountForm)
        }
    }

    /// The checkout wizard: open on the stack, or closed with its input kept (`isOpen` false).
    public var checkout: CheckoutWizard? {
        get {
            if case let .checkout(wizard)? = screens.screen(on: .checkout) { return wizard }
            return keptCheckout
        }
        set {
            keptCheckout = newValue?.isOpen == false ? newValue : nil
            setScreen(newValue.flatMap { $0.isOpen ? .checkout($0) : nil }, on: .checkout)
        }
    }

    /// The typed search text with its caret, and whether keys type into it.
    public var search: SearchBox {
        get { SearchBox(field: searchField, isEditing: isEditingSearch) }
        set {
            searchField = newValue.field
            if newValue.isEditing != isEditingSearch { isEditingSearch = newValue.isEditing }
        }
    }
}
