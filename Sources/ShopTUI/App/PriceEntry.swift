import ShopCore

/// A price range typed on the Price row of the Filters pane (`10-25`, `-20`, `50-`): Enter writes
/// it into the search box as `price:10..25`; a range that does not read says why and stays open.
enum PriceEntry {
    static let maxLength = 24

    static let keys = ShopKeyMap([
        .init([.anyCharacter], footer: ("type", "a range: 10-25, -20, 50-")) { handle(&$0, $1) },
        .init(.enter, footer: ("Enter", "apply")) { handle(&$0, $1) },
        .init(.escape, footer: ("Esc", "cancel")) { handle(&$0, $1) },
        .init([.anyKey]) { state, key in
            if key == .tab || key == .backTab {
                state.priceEntry = nil
                return nil
            }
            return handle(&state, key)
        },
    ])

    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var field = state.priceEntry else { return [] }
        switch key {
        case let .character(character):
            if field.isFull {
                state.status = StatusMessage(TextField.cutNote(maxLength), isError: true)
                return []
            }
            _ = field.insert(character)
        case .escape:
            state.priceEntry = nil
            return []
        case .enter:
            apply(&state, field.text)
            return []
        default:
            guard field.edit(key) != nil else { return [] }
        }
        state.priceEntry = field
        return []
    }

    /// Writes the typed range into the query; an empty one removes the price filter.
    static func apply(_ state: inout AppState, _ typed: String) {
        let value: String?
        if typed.allSatisfy(\.isWhitespace) {
            value = nil
        } else {
            do throws(QueryError) {
                value = try PriceRange.parse(typed: typed).queryValue
            } catch {
                state.status = StatusMessage(error.description, isError: true)
                return
            }
        }
        if let problem = state.queryProblem {
            state.status = StatusMessage("Fix the search box first: \(problem)", isError: true)
            return
        }
        state.priceEntry = nil
        state.search.text = QueryText.setting("price", to: value, in: state.search.text)
        state.refreshResults(resetSelection: true, announcesCount: true)
    }
}

extension AppState {
    /// The price range being typed on the Filters pane's Price row, nil when none is.
    public var priceEntry: TextField? {
        get { if case let .priceEntry(field)? = screens.screen(on: .priceEntry) { return field } else { return nil } }
        set {
            if let newValue { screens.open(.priceEntry(newValue)) } else { screens.close(.priceEntry) }
        }
    }
}
