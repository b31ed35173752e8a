/// The footer keys of the after-sales screens; nil when none is open.
enum AfterSalesHelp {
    static func footer(for state: AppState) -> [KeyHelp.Binding]? {
        let tail: [KeyHelp.Binding] = [("?", "help"), ("q", "quit")]
        if state.pendingCancel != nil { return [("y", "cancel the order"), ("n Esc", "keep it")] }
        if let screen = state.orderScreen {
            switch screen.mode {
            case .details:
                return [("↑↓", "scroll"), ("x", "cancel"), ("r", "return"), ("s", "support"), ("Esc", "back")] + tail
            case let .returning(draft) where draft.label != nil:
                return [("Esc", "back to the order")] + tail
            case .returning:
                return [("↑↓", "line"), ("+ -", "quantity"), ("Enter", "confirm"), ("Esc", "back")] + tail
            case .support:
                return [("type", "your message"), ("PgUp PgDn", "thread"), ("Enter", "send"), ("Esc", "back")]
            }
        }
        if state.reader != nil { return [("↑↓ PgUp PgDn", "scroll"), ("Esc", "back")] + tail }
        return nil
    }
}
