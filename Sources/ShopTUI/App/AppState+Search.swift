import ShopCore

/// Searching from the interface state: inline for small catalogues; for large ones a request that
/// `update` hands to the runtime as an effect, whose results come back numbered so that only the
/// newest are shown. The typed text and the previous results stay on screen meanwhile.
extension AppState {
    /// Whether the search index is still being built (the catalogue shows unfiltered meanwhile).
    public var isIndexing: Bool { index == nil }

    /// Whether results the customer asked for are not on screen yet.
    public var isSearching: Bool { searchProgress.isSearching }

    /// Runs the search box's query (its filters are what the Filters pane ticks), or asks the runtime to; a query that
    /// does not parse keeps the last results and says why in the status line. `announcesCount`
    /// says in the status line how many products match once the results are in.
    public mutating func refreshResults(resetSelection: Bool, announcesCount: Bool = false) {
        let query: SearchQuery
        do throws(QueryError) {
            query = try SearchQuery.parse(search.text)
            filters = FilterSelection(query: query)
            queryProblem = nil
        } catch {
            queryProblem = error.description
            show(results, resetSelection: resetSelection)
            return
        }
        guard let index else {
            searchProgress.waitsForIndex = true
            searchProgress.resetsSelection = searchProgress.resetsSelection || resetSelection
            searchProgress.announcesCount = searchProgress.announcesCount || announcesCount
            return
        }
        switch searchMode {
        case .inline:
            showSearched(index.search(query, hiding: shop.hiddenFromSearch), resetSelection: resetSelection, announcesCount: announcesCount)
        case .background:
            searchProgress.generation += 1
            searchProgress.unsent = SearchRequest(generation: searchProgress.generation, query: query, hidden: shop.hiddenFromSearch)
            searchProgress.resetsSelection = searchProgress.resetsSelection || resetSelection
            searchProgress.announcesCount = searchProgress.announcesCount || announcesCount
        }
    }

    /// Shows the results of a background search if they answer the newest request; older ones
    /// are dropped (a newer request is on its way).
    mutating func acceptSearchResults(generation: Int, results: SearchResultSet) {
        guard generation == searchProgress.generation, searchProgress.inFlight == generation else { return }
        searchProgress.inFlight = nil
        let reset = searchProgress.resetsSelection
        let announce = searchProgress.announcesCount
        searchProgress.resetsSelection = false
        searchProgress.announcesCount = false
        showSearched(results, resetSelection: reset, announcesCount: announce)
    }

    /// Shows the answer to the newest query that parsed, and says in the status line when a
    /// `brand:` or `cat:` value names nothing (with the closest names). Text typed since that does
    /// not parse keeps its own problem on the line.
    private mutating func showSearched(_ results: SearchResultSet, resetSelection: Bool, announcesCount: Bool) {
        if queryProblem == nil, let problem = results.filterProblem { queryProblem = problem.description }
        show(results, resetSelection: resetSelection, announcesCount: announcesCount)
    }

    /// Takes the index built in the background, if it is the newest asked for, and runs the
    /// search typed meanwhile (or the unfiltered one, for the facet counts).
    mutating func acceptIndex(generation: Int, index: SearchIndex) {
        guard generation == searchProgress.indexGeneration else { return }
        self.index = index
        let reset = searchProgress.waitsForIndex && searchProgress.resetsSelection
        let announce = searchProgress.announcesCount
        searchProgress.waitsForIndex = false
        searchProgress.resetsSelection = false
        searchProgress.announcesCount = false
        refreshResults(resetSelection: reset, announcesCount: announce)
    }

    /// The catalogue changed (an import): the index is rebuilt, in place for small catalogues,
    /// in the background for large ones, where the current results stay until it is ready.
    mutating func catalogueChanged() {
        switch searchMode {
        case .inline:
            index = SearchIndex(catalogue: shop.catalogue)
            refreshResults(resetSelection: false)
        case .background:
            index = nil
            searchProgress.indexGeneration += 1
            searchProgress.unsentIndexBuild = true
            searchProgress.waitsForIndex = true
        }
    }

    /// The background work asked for since the last call, as effects for the runtime.
    mutating func takeBackgroundWork() -> [Effect] {
        var effects: [Effect] = []
        if searchProgress.unsentIndexBuild {
            searchProgress.unsentIndexBuild = false
            effects.append(.buildIndex(generation: searchProgress.indexGeneration))
        }
        if let request = searchProgress.unsent {
            searchProgress.unsent = nil
            searchProgress.inFlight = request.generation
            effects.append(.search(request))
        }
        return effects
    }

    /// Puts `results` on screen with the filter rows and counts they give.
    mutating func show(_ results: SearchResultSet, resetSelection: Bool, announcesCount: Bool = false) {
        self.results = results
        filterRows = FilterItem.rows(filters: filters, results: results)
        if resetSelection { catalogueCursor = ListCursor() }
        if announcesCount { status = StatusMessage("\(money.formatCount(results.total)) products match") }
        clampCursors()
    }
}
