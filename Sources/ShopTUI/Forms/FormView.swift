import ShopCore

/// Draws a form as rows in a column: a `›` marker on the focused item (visible without colour),
/// the label, the input in the input style, hints muted and errors in the error style under the
/// item, buttons side by side, and the form-level error last. When the rows do not fit, the
/// column scrolls so the focused item stays in view. The hardware cursor sits at the caret of the
/// focused text field.
public enum FormView {
    /// Columns a label takes at most; longer labels are cut.
    static let maximumLabelWidth = 18

    /// One screen row of a form: which item it belongs to and what it shows.
    struct Row {
        enum Content {
            case input
            case checkbox
            /// Buttons that follow each other share a row: the indices of their items.
            case buttons([Int])
            case choiceLabel
            case option(Int)
            case hint(String)
            case error(String)
            case formError(String)
            case blank
        }

        var item: Int?
        var content: Content
    }

    static func labelWidth(_ form: Form) -> Int {
        let widths = form.items.filter { !$0.isHidden && $0.isText }.map { DisplayWidth.of($0.label) }
        return min(maximumLabelWidth, (widths.max() ?? 0) + 2)
    }

    static func rows(_ form: Form, width: Int) -> [Row] {
        var rows: [Row] = []
        let labelWidth = labelWidth(form)
        var index = 0
        let items = form.items
        while index < items.count {
            let item = items[index]
            defer { index += 1 }
            if item.isHidden { continue }
            switch item.kind {
            case .text:
                rows.append(Row(item: index, content: .input))
                if let hint = item.hint, !item.hintBeside { rows.append(Row(item: index, content: .hint(hint))) }
            case .checkbox:
                rows.append(Row(item: index, content: .checkbox))
            case .button:
                var group = [index]
                while index + 1 < items.count, !items[index + 1].isHidden, items[index + 1].kind == .button, items[index].error == nil {
                    index += 1
                    group.append(index)
                }
                if rows.last.map({ if case .buttons = $0.content { return false } else { return true } }) ?? false {
                    rows.append(Row(item: nil, content: .blank))
                }
                rows.append(Row(item: group.first, content: .buttons(group)))
            case let .choice(options, _):
                if !item.label.isEmpty { rows.append(Row(item: index, content: .choiceLabel)) }
                rows += options.indices.map { Row(item: index, content: .option($0)) }
                if let hint = item.hint { rows.append(Row(item: index, content: .hint(hint))) }
            }
            if let error = item.error {
                let indent = item.isText ? 2 + labelWidth : 2
                rows += TextWrap.lines(error, width: max(10, width - indent)).map { Row(item: index, content: .error($0)) }
            }
        }
        if let error = form.error {
            rows.append(Row(item: nil, content: .blank))
            rows += TextWrap.lines(error, width: max(10, width - 2)).map { Row(item: nil, content: .formError($0)) }
        }
        return rows
    }

    /// Rows the form needs at `width` columns.
    public static func height(_ form: Form, width: Int) -> Int { rows(form, width: width).count }

    /// Draws `form` in `rect`. `focused` false draws no marker and leaves the cursor alone.
    public static func draw(_ form: Form, state: AppState, in rect: Rect, focused: Bool = true, into canvas: inout Canvas) {
        draw(form, styles: state.styles, in: rect, focused: focused, into: &canvas)
    }

    /// Draws `form` in `rect` with `styles`, for any application on the toolkit.
    public static func draw(_ form: Form, styles: ThemeStyles, in rect: Rect, focused: Bool = true, into canvas: inout Canvas) {
        guard rect.width > 8, rect.height > 0 else { return }
        let rows = rows(form, width: rect.width)
        let focusRows = rows.indices.filter { rows[$0].item == form.focus || buttonRow(rows[$0], contains: form.focus) }
        var top = 0
        if let last = focusRows.last, last >= rect.height {
            top = min(last - rect.height + 1, focusRows.first ?? last)
        }
        if let formError = rows.lastIndex(where: { if case .formError = $0.content { return true } else { return false } }),
           formError >= top + rect.height, focusRows.allSatisfy({ $0 > formError - rect.height }) {
            top = formError - rect.height + 1
        }
        let labelWidth = labelWidth(form)
        for (offset, row) in rows.dropFirst(top).prefix(rect.height).enumerated() {
            drawRow(row, form: form, styles: styles, x: rect.x, y: rect.y + offset, width: rect.width,
                    labelWidth: labelWidth, focused: focused, into: &canvas)
        }
    }

    private static func buttonRow(_ row: Row, contains index: Int) -> Bool {
        if case let .buttons(group) = row.content { return group.contains(index) }
        return false
    }

    private static func drawRow(_ row: Row, form: Form, styles: ThemeStyles, x: Int, y: Int, width: Int, labelWidth: Int,
                                focused: Bool, into canvas: inout Canvas) {
        let isFocused = focused && row.item == form.focus
        switch row.content {
        case .input:
            guard let index = row.item, let field = form.items[index].textField else { return }
            let item = form.items[index]
            if isFocused { canvas.put("›", x: x, y: y, maxWidth: 1, style: styles.titleFocus) }
            canvas.put(item.label, x: x + 2, y: y, maxWidth: labelWidth - 1, style: isFocused ? styles.titleFocus : styles.base)
            let beside = item.hintBeside ? item.hint.map { DisplayWidth.of($0) + 1 } ?? 0 : 0
            let box = Rect(x: x + 2 + labelWidth, y: y, width: width - 2 - labelWidth - beside, height: 1)
            canvas.fill(box, style: styles.input)
            if beside > 0, let hint = item.hint { canvas.put(hint, x: box.maxX + 1, y: y, maxWidth: beside - 1, style: styles.heading) }
            let shown = visible(field, width: box.width - 1)
            if field.isEmpty && item.isOptional {
                canvas.put("optional", x: box.x, y: y, maxWidth: box.width, style: styles.inputPlaceholder)
            } else {
                canvas.put(shown.text, x: box.x, y: y, maxWidth: box.width, style: styles.input)
            }
            if isFocused { canvas.cursor = (min(box.maxX - 1, box.x + shown.cursor), y) }
        case .checkbox:
            guard let index = row.item else { return }
            let item = form.items[index]
            let mark = form.isChecked(item.id) ? "[x]" : "[ ]"
            if isFocused { canvas.put("›", x: x, y: y, maxWidth: 1, style: styles.titleFocus) }
            canvas.put(mark, x: x + 2, y: y, maxWidth: 3, style: isFocused ? styles.selection : styles.checked)
            canvas.put(item.label, x: x + 6, y: y, maxWidth: width - 6, style: isFocused ? styles.titleFocus : styles.base)
            if isFocused { canvas.cursor = (x + 3, y) }
        case let .buttons(group):
            var column = x + 2
            for index in group {
                let item = form.items[index]
                let here = focused && index == form.focus
                if here { canvas.put("›", x: x, y: y, maxWidth: 1, style: styles.titleFocus) }
                let written = canvas.put("[ \(item.label) ]", x: column, y: y, maxWidth: x + width - column,
                                         style: here ? styles.selection : styles.heading)
                if here { canvas.cursor = (column, y) }
                column += written + 2
            }
        case .choiceLabel:
            guard let index = row.item else { return }
            canvas.put(form.items[index].label, x: x + 2, y: y, maxWidth: width - 2, style: isFocused ? styles.titleFocus : styles.heading)
        case let .option(option):
            guard let index = row.item, case let .choice(options, selected) = form.items[index].kind else { return }
            let choice = options[option]
            let isChosen = option == selected
            let detailWidth = DisplayWidth.of(choice.detail)
            canvas.put(isChosen ? "(•)" : "( )", x: x + 2, y: y, maxWidth: 3, style: styles.checked)
            canvas.put(choice.title, x: x + 6, y: y, maxWidth: max(1, width - 8 - detailWidth), style: styles.base)
            canvas.putRight(choice.detail, rightEdge: x + width, y: y, maxWidth: max(0, width - 8), style: styles.price)
            if isChosen && isFocused {
                ListWidget.markSelected(row: y, in: Rect(x: x, y: y, width: width, height: 1), style: styles.selection,
                                        focused: isFocused, into: &canvas)
            }
        case let .hint(text):
            let indent = row.item.map { form.items[$0].isText ? 2 + labelWidth : 6 } ?? 2
            canvas.put(text, x: x + indent, y: y, maxWidth: width - indent, style: styles.muted)
        case let .error(text):
            let indent = row.item.map { form.items[$0].isText ? 2 + labelWidth : 2 } ?? 2
            canvas.put(text, x: x + indent, y: y, maxWidth: width - indent, style: styles.error)
        case let .formError(text):
            canvas.put(text, x: x + 2, y: y, maxWidth: width - 2, style: styles.error)
        case .blank:
            break
        }
    }

    /// The part of a field's displayed text that fits `width` columns with the caret in view, and
    /// the caret's column in it.
    static func visible(_ field: TextField, width: Int) -> (text: String, cursor: Int) {
        let shown = TextSanitizer.clean(field.displayed)
        var caret = field.displayedCursorColumn
        guard DisplayWidth.of(shown) > width, width > 0 else { return (shown, caret) }
        var text = Substring(shown)
        while caret > width, !text.isEmpty {
            caret -= DisplayWidth.of(text.first!)
            text = text.dropFirst()
        }
        var kept = ""
        var columns = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if columns + characterWidth > width { break }
            kept.append(character)
            columns += characterWidth
        }
        return (kept, caret)
    }
}
