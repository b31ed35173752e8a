// How an application on ShopTUI is made (the shop is one, `Sources/ShopTUI/App`; the merchant's
// back office another, `Sources/ShopTUI/BackOffice`):
//
// - An enum of its screens, each case carrying that screen's own state, conforming to
//   `LayeredScreen` with a `Layer` enum that fixes which screen is over which (the shop's is
//   `ShopScreen`). Its state holds a `ScreenStack<ThatEnum>`; `open`, `close` and `screen(on:)`
//   are all it needs to show, hide and read a screen.
// - One `KeyMap` per screen (and one per pane of the main view, and one of global keys): bindings
//   of `KeyPattern`s to an action, each with its footer text and its help entry. `update` sends a
//   key down the stack (`highest(below:)`), top first, to the first screen whose table binds it;
//   an action returning nil lets the key on down (`ShopKeys`, `ShopScreens.keyMap`). The footer is
//   the top table's `footer`, the `?` help `KeyMap.helpGroups` of every table: they cannot drift
//   from what the keys do.
// - Effects a screen sends are wrapped in `Effect.request(RequestID, …)` by the dispatch
//   (`ShopScreens.address`); the runtime echoes the id on the outcome (`Message.answered`), which
//   `update` gives to that screen only (`ShopScreens.receive`).
// - A runtime conforming to `TerminalApplication` (`ShopSession`, `BackOfficeSession`) carries the
//   effects out on the `ShopWorker`, off the UI thread, and follows the shop; NCursesTerminal's
//   loop (`ShopTerminal`, `runTerminalLoop`) drives any of them.
// - Views draw into a `Canvas` with the widgets of `Widgets/` (list, table, tabs, bar chart,
//   sparkline, scrolled document), each clamping its scroll when it draws; golden tests compare
//   `canvas.text()` and `StyleMap.of(canvas)`.

/// A screen an application puts on its `ScreenStack`. Each screen lives on its own layer, and a
/// layer holds one screen at most: the layers fix which screen is over which, whatever the order
/// they were opened in (a help box is always over the form it explains).
public protocol LayeredScreen: Sendable {
    associatedtype Layer: Comparable & Hashable & Sendable
    var layer: Layer { get }
}

/// The screens open over an application's main view, lowest first: the top one takes the keys
/// first (and may let a key through to the one under it), draws last and shows its keys in the
/// footer. A value, like the rest of the state.
public struct ScreenStack<Screen: LayeredScreen>: Sendable {
    public private(set) var screens: [Screen] = []

    public init() {}

    public var top: Screen? { screens.last }
    public var isEmpty: Bool { screens.isEmpty }

    /// The screen on `layer`, if one is open there.
    public func screen(on layer: Screen.Layer) -> Screen? { screens.first { $0.layer == layer } }

    public func contains(_ layer: Screen.Layer) -> Bool { screen(on: layer) != nil }

    /// Opens `screen` on its layer, replacing the screen there if any.
    public mutating func open(_ screen: Screen) {
        if let index = screens.firstIndex(where: { $0.layer == screen.layer }) {
            screens[index] = screen
            return
        }
        let index = screens.firstIndex { $0.layer > screen.layer } ?? screens.count
        screens.insert(screen, at: index)
    }

    /// Closes the screen on `layer`, if any.
    public mutating func close(_ layer: Screen.Layer) { screens.removeAll { $0.layer == layer } }

    /// The highest screen under `layer` (the top one when nil): how a key goes down the stack.
    public func highest(below layer: Screen.Layer?) -> Screen? {
        guard let layer else { return top }
        return screens.last { $0.layer < layer }
    }
}
