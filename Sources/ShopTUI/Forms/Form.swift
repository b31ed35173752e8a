/// An ordered list of form items with one focused: Tab / Shift-Tab (and ↓/↑) move between
/// them, typed characters edit the focused text field, Space toggles a checkbox, Enter submits
/// from anywhere and Esc asks to go back. The form only edits itself; what a submit or a cancel
/// means is up to the screen that owns it.
public struct Form: Hashable, Sendable {
    /// What a key did to the form.
    public enum Outcome: Hashable, Sendable {
        /// The key changed the form (or was swallowed by it).
        case handled
        /// Enter, with the id of the focused item (a button's id says which button).
        case submit(String)
        /// Esc: go back a step or close, keeping the input.
        case cancel
        /// The form had no use for the key (a letter while a checkbox is focused...).
        case ignored
    }

    public var items: [FormItem]
    /// Index in `items` of the focused item; always a visible one when there is any.
    public private(set) var focus: Int
    /// The form-level error under the fields (a refusal from the shop, in one line).
    public var error: String?
    /// Whether the customer typed or toggled anything since the form was made.
    public private(set) var isEdited = false

    public init(_ items: [FormItem], focus id: String? = nil) {
        self.items = items
        self.focus = 0
        if let id, let index = items.firstIndex(where: { $0.id == id }) { self.focus = index }
        normalizeFocus()
    }

    public var focusedItem: FormItem? { items.indices.contains(focus) ? items[focus] : nil }
    public var focusedID: String? { focusedItem?.id }
    public var visibleItems: [FormItem] { items.filter { !$0.isHidden } }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> Outcome {
        guard items.indices.contains(focus) else {
            switch key {
            case .enter: return .submit("")
            case .escape: return .cancel
            default: return .ignored
            }
        }
        switch key {
        case .tab:
            moveFocus(1)
            return .handled
        case .backTab:
            moveFocus(-1)
            return .handled
        case .enter:
            return .submit(items[focus].id)
        case .escape:
            return .cancel
        case .up, .down:
            let step = key == .down ? 1 : -1
            if case let .choice(options, selected) = items[focus].kind {
                let target = selected + step
                if options.indices.contains(target) {
                    items[focus].kind = .choice(options: options, selected: target)
                    isEdited = true
                    return .handled
                }
            }
            moveFocus(step)
            return .handled
        default:
            break
        }
        switch items[focus].kind {
        case var .text(field):
            let changed = edit(&field, key)
            items[focus].kind = .text(field)
            if changed {
                isEdited = true
                items[focus].error = nil
            }
            return changed || key.isEditing ? .handled : .ignored
        case let .checkbox(isChecked):
            guard key == .character(" ") else { return .ignored }
            items[focus].kind = .checkbox(isChecked: !isChecked)
            items[focus].error = nil
            isEdited = true
            return .handled
        case let .choice(options, selected):
            let step: Int
            switch key {
            case .character("j"): step = 1
            case .character("k"): step = -1
            case .home: step = -selected
            case .end: step = options.count - 1 - selected
            default: return .ignored
            }
            let target = min(max(0, selected + step), max(0, options.count - 1))
            items[focus].kind = .choice(options: options, selected: target)
            isEdited = true
            return .handled
        case .button:
            return .ignored
        }
    }

    /// Applies an editing key to a text field; answers whether the text changed.
    private func edit(_ field: inout TextField, _ key: Key) -> Bool {
        field.edit(key) ?? false
    }

    /// Moves to the next (or previous) visible item, wrapping around.
    public mutating func moveFocus(_ step: Int) {
        let visible = items.indices.filter { !items[$0].isHidden }
        guard !visible.isEmpty else { return }
        let position = visible.firstIndex(of: focus) ?? 0
        focus = visible[((position + step) % visible.count + visible.count) % visible.count]
    }

    public mutating func focus(on id: String) {
        if let index = index(of: id), !items[index].isHidden { focus = index }
    }

    /// Keeps the focus on a visible item after items were hidden.
    private mutating func normalizeFocus() {
        if items.indices.contains(focus), !items[focus].isHidden { return }
        focus = items.indices.first { !items[$0].isHidden } ?? 0
    }

    // MARK: Values

    public func index(of id: String) -> Int? { items.firstIndex { $0.id == id } }

    public func item(_ id: String) -> FormItem? { index(of: id).map { items[$0] } }

    /// The text of a text field; empty for any other id.
    public func text(_ id: String) -> String { item(id)?.textField?.text ?? "" }

    public mutating func setText(_ id: String, _ value: String) {
        guard let index = index(of: id), case var .text(field) = items[index].kind else { return }
        field.set(value)
        items[index].kind = .text(field)
    }

    public func isChecked(_ id: String) -> Bool {
        if case let .checkbox(isChecked)? = item(id)?.kind { return isChecked }
        return false
    }

    public mutating func setChecked(_ id: String, _ checked: Bool) {
        guard let index = index(of: id), case .checkbox = items[index].kind else { return }
        items[index].kind = .checkbox(isChecked: checked)
    }

    /// The chosen row of a choice list; 0 for any other id.
    public func selected(_ id: String) -> Int {
        if case let .choice(_, selected)? = item(id)?.kind { return selected }
        return 0
    }

    public mutating func setOptions(_ id: String, _ options: [ChoiceOption]) {
        guard let index = index(of: id), case let .choice(_, selected) = items[index].kind else { return }
        items[index].kind = .choice(options: options, selected: min(selected, max(0, options.count - 1)))
    }

    public mutating func setError(_ id: String, _ message: String?) {
        if let index = index(of: id) { items[index].error = message }
    }

    public mutating func setHint(_ id: String, _ hint: String?) {
        if let index = index(of: id) { items[index].hint = hint }
    }

    public mutating func setHidden(_ id: String, _ hidden: Bool) {
        if let index = index(of: id) { items[index].isHidden = hidden }
        normalizeFocus()
    }

    /// Removes every inline error and the form-level one.
    public mutating func clearErrors() {
        for index in items.indices { items[index].error = nil }
        error = nil
    }

    /// Whether any item shows an error.
    public var hasErrors: Bool { error != nil || items.contains { $0.error != nil && !$0.isHidden } }
}

extension Key {
    /// Keys that edit or move within a text field.
    var isEditing: Bool {
        switch self {
        case .character, .backspace, .delete, .left, .right, .home, .end,
             .deleteToStart, .deleteWordBackward, .wordLeft, .wordRight: return true
        default: return false
        }
    }
}
