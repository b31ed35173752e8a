import ShopCore

/// Where the catalogue's searches run.
public enum SearchMode: Hashable, Sendable {
    /// In `update`, before the frame is drawn: small catalogues, where a search costs far less
    /// than a frame, and tests, which stay deterministic.
    case inline
    /// On the runtime's background queue: `update` asks for the search with an effect and the
    /// results come back as `.searchFinished`; the search index is also built there.
    case background

    /// From this many products a search at every key press would cost more than the 2 ms a
    /// frame may take (about 4 ms median at 1,000,000 products), so it leaves the frame.
    public static let backgroundFromProducts = 100_000

    /// The mode for a catalogue of `productCount` products.
    public static func automatic(productCount: Int) -> SearchMode {
        productCount >= backgroundFromProducts ? .background : .inline
    }
}

/// One search for the runtime to run on the current index: the query as typed plus the filters
/// ticked, numbered so that only the newest one's results are shown.
public struct SearchRequest: Hashable, Sendable {
    public var generation: Int
    public var query: SearchQuery
    /// What the search leaves out (unlisted products), as the shop said when it was asked.
    public var hidden: HiddenDocuments

    public init(generation: Int, query: SearchQuery, hidden: HiddenDocuments = .none) {
        self.generation = generation
        self.query = query
        self.hidden = hidden
    }
}

/// The bookkeeping of background searches and index builds in the interface state.
public struct SearchProgress: Hashable, Sendable {
    /// The newest search asked for; results of any other are stale and dropped.
    public internal(set) var generation = 0
    /// A search asked for and not yet handed to the runtime (`update` turns it into an effect).
    var unsent: SearchRequest?
    /// The generation handed to the runtime whose results have not come back.
    public internal(set) var inFlight: Int?
    /// Whether the results on their way start at the top of the list (the query or filters changed).
    var resetsSelection = false
    /// Whether the status line says how many products match when they arrive (a filter toggled).
    var announcesCount = false
    /// A search was wanted while the index was being built: it runs when the index is ready.
    var waitsForIndex = false
    /// The newest index build asked for; an index of another generation is stale.
    public internal(set) var indexGeneration = 0
    /// An index build asked for and not yet handed to the runtime.
    var unsentIndexBuild = false

    public init() {}

    /// Whether results the customer asked for are not on screen yet.
    public var isSearching: Bool { unsent != nil || inFlight != nil || waitsForIndex }
}
