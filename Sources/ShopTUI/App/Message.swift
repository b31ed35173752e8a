import ShopCore
import ShopStore

/// Everything that can happen to the interface: input from the terminal, and the outcome of the
/// effects the runtime carried out on the shop.
public enum Message: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resized(width: Int, height: Int)
    /// A command was journaled: its events and the shop's state after them.
    case commandSucceeded(events: [ShopEvent], state: ShopState, note: String)
    /// Other processes committed changes (the runtime follows the journal about once a second): the
    /// shop's state now; `catalogueChanged` when products were imported, so the search index is rebuilt.
    case shopChanged(ShopState, catalogueChanged: Bool)
    /// A command was refused or could not be saved; the one-line reason.
    case commandFailed(String)
    /// Something to tell the customer that did not come from a key (a broken theme file...).
    case notice(String, isError: Bool)
    /// Shop time passed (the runtime ticks about once a second): timelines and countdowns refresh.
    case tick(ShopInstant)
    /// The mailbox as read from `DATA/mail` after it changed, newest last.
    case mailboxChanged([MailboxEntry])
    /// A background search finished (see `SearchMode.background`); shown only if it is the newest.
    case searchFinished(generation: Int, results: SearchResultSet)
    /// The search index built in the background is ready.
    case indexBuilt(generation: Int, index: SearchIndex)
    /// The password work of login or registration request `request` finished off the UI thread.
    /// The runtime takes it (it finishes that request on the store and sends the outcome); `update`
    /// ignores it.
    case passwordWorkFinished(request: Int, PasswordWork)
    /// Demo mode started, or the demo player's caption changed.
    case demoBanner(DemoBanner?)
    /// The outcome of an effect sent as `Effect.request(id, …)`: the runtime echoes the id.
    indirect case answered(RequestID, Message)
}

extension Message {
    /// Whether the customer sent it (a key, a mouse event): what they do next may depend on the
    /// outcome of what they did before, so the runtime keeps their order against the shop's.
    public var isInput: Bool {
        switch self {
        case .key, .mouse: true
        default: false
        }
    }
}

/// What `update` asks the runtime to do; the outcome comes back as a `Message`.
public enum Effect: Hashable, Sendable {
    /// Run a command on the store; on success say `note` in the status line.
    case execute(ShopCommand, note: String)
    /// Run a trade command (orders, payments, returns, support...) at shop time now, with fresh
    /// randomness; the mail it causes is written and the mailbox re-read.
    case trade(CommerceCommand, note: String)
    /// Check the password against the account's hash (slow, salted) and log in or record the failure.
    case logIn(email: String, password: String)
    /// Check the password policy, hash the password and create the account, logged in.
    case register(AccountRegistration, password: String)
    /// Flag a mailbox message as read.
    case markMessageRead(key: String)
    /// Run a search on the current index in the background; answer `.searchFinished`. Only the
    /// newest request matters: older ones not started yet may be skipped.
    case search(SearchRequest)
    /// Build the search index of the current catalogue in the background; answer `.indexBuilt`.
    case buildIndex(generation: Int)
    case quit
    /// Carry out the effect and send back its outcome addressed to `id` (`Message.answered`).
    indirect case request(RequestID, Effect)
}

/// The one-line message under the panes.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}
