/// One stop of a form: a labelled text field, a checkbox, a button or a list to choose from.
public struct FormItem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text(TextField)
        /// `[ ]` / `[x]`, toggled with Space.
        case checkbox(isChecked: Bool)
        /// `[ Label ]`: Enter on it submits the form with this item's id.
        case button
        /// Options one a row, moved through with ↑/↓ (or j/k) while focused; `selected` is the choice.
        case choice(options: [ChoiceOption], selected: Int)
    }

    /// Names the item for the code that reads the form (`"email"`, `"terms"`...).
    public let id: String
    public var label: String
    public var kind: Kind
    /// The inline error under the item, in the error style.
    public var error: String?
    /// A muted line or note next to the item: a password's strength, a card's brand.
    public var hint: String?
    /// Marks the label `(optional)`.
    public var isOptional: Bool
    /// Draws the hint right of the input instead of on a row below it (a card's brand).
    public var hintBeside = false
    /// Hidden items take no row and no Tab stop (the fields of another payment method).
    public var isHidden = false

    public init(id: String, label: String, kind: Kind, isOptional: Bool = false, hint: String? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.isOptional = isOptional
        self.hint = hint
    }

    public static func text(_ id: String, _ label: String, _ value: String = "", format: TextField.Format = .plain,
                            maxLength: Int = 100, optional: Bool = false) -> FormItem {
        FormItem(id: id, label: label, kind: .text(TextField(value, format: format, maxLength: maxLength)), isOptional: optional)
    }

    public static func checkbox(_ id: String, _ label: String, checked: Bool = false) -> FormItem {
        FormItem(id: id, label: label, kind: .checkbox(isChecked: checked))
    }

    public static func button(_ id: String, _ label: String) -> FormItem {
        FormItem(id: id, label: label, kind: .button)
    }

    public static func choice(_ id: String, _ label: String, _ options: [ChoiceOption], selected: Int = 0) -> FormItem {
        FormItem(id: id, label: label, kind: .choice(options: options, selected: selected))
    }

    public var textField: TextField? {
        if case let .text(field) = kind { return field }
        return nil
    }

    public var isText: Bool { textField != nil }
}

/// One row of a choice list: the words on the left and a detail on the right (price, dates).
public struct ChoiceOption: Hashable, Sendable {
    public var title: String
    public var detail: String
    /// A second muted line under the title (a promised date range), when there is room.
    public var note: String?

    public init(_ title: String, detail: String = "", note: String? = nil) {
        self.title = title
        self.detail = detail
        self.note = note
    }
}
