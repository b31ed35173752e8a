/// The screens the back office opens over its panes, each with its own state, on fixed layers
/// (lowest first); the top one takes the keys first.
public enum BackOfficeScreen: Hashable, Sendable, LayeredScreen {
    /// Email and password, until a member of staff is logged in.
    case login(Form)
    /// An order's or a customer's details, scrolled.
    case document(DocumentScreen)
    /// A support thread with the reply field.
    case ticket(TicketScreen)
    /// Keys type into the catalogue's filter.
    case filterEditing
    /// A small form over the pane: ship, stock, price, refund, a new promotion.
    case form(ActionForm)
    /// "Quit and lose what you typed? y/n".
    case confirmQuit
    case help

    public enum Layer: Int, Comparable, Hashable, Sendable, CaseIterable {
        case login, document, ticket, filterEditing, form, confirmQuit, help

        public static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var layer: Layer {
        switch self {
        case .login: return .login
        case .document: return .document
        case .ticket: return .ticket
        case .filterEditing: return .filterEditing
        case .form: return .form
        case .confirmQuit: return .confirmQuit
        case .help: return .help
        }
    }

    /// Whether the screen holds typed input that quitting would lose.
    var isDirty: Bool {
        switch self {
        case let .form(form): return form.form.isEdited
        case let .ticket(ticket): return !ticket.reply.text("reply").isEmpty
        case .login, .document, .filterEditing, .confirmQuit, .help: return false
        }
    }
}

/// An order's or a customer's details over the pane, drawn from the shop as it is now.
public struct DocumentScreen: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        case order(String)
        case customer(email: String)
    }

    public var subject: Subject
    /// Lines scrolled; clamped when drawn.
    public var scroll = 0

    public init(_ subject: Subject) {
        self.subject = subject
    }

    /// The id the view records its scroll extent under.
    var scrollID: String {
        switch subject {
        case let .order(number): return "backoffice.order.\(number)"
        case let .customer(email): return "backoffice.customer.\(email)"
        }
    }
}

/// A support thread: read it (scrolled), reply in the field, close it.
public struct TicketScreen: Hashable, Sendable {
    public let ticketID: String
    public var scroll = 0
    /// Keys type into the reply field.
    public var isReplying = false
    /// The reply field, in a one-field form.
    public var reply = Form([.text("reply", "Reply", maxLength: 2_000)])
    /// A reply or a close is on its way to the shop.
    public var isWaiting = false

    public init(ticketID: String) {
        self.ticketID = ticketID
    }

    var scrollID: String { "backoffice.ticket.\(ticketID)" }
}

/// A small form that asks the shop for one action: which, and the form.
public struct ActionForm: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case ship(orderNumber: String)
        case refund(orderNumber: String)
        case stock(sku: String)
        case price(sku: String)
        case promotion
    }

    public var purpose: Purpose
    public var form: Form
    /// The action is on its way to the shop: the form waits for its outcome.
    public var isWaiting = false

    public init(_ purpose: Purpose, form: Form) {
        self.purpose = purpose
        self.form = form
    }

    /// Stock and price are typed on the product's row of the table, not in a box.
    public var isInPlace: Bool {
        switch purpose {
        case .stock, .price: return true
        case .ship, .refund, .promotion: return false
        }
    }

    public var title: String {
        switch purpose {
        case let .ship(number): return "Ship order \(number)"
        case let .refund(number): return "Refund on order \(number)"
        case let .stock(sku): return "Stock of \(sku)"
        case let .price(sku): return "Price of \(sku)"
        case .promotion: return "New promotion"
        }
    }
}
