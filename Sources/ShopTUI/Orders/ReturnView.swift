import ShopCore

/// Choosing items to return: the order's returnable lines with a quantity each, the refund they
/// earn (the domain's rule: price less the share of the discount), then the label.
enum ReturnView {
    static func document(_ state: AppState, order: Order, draft: ReturnDraft, width: Int) -> [StyledLine] {
        let styles = state.styles
        let money = state.money
        if let label = draft.label {
            let index = order.returns.lastIndex { $0.shipment.trackingNumber.value == label }
            let request = index.map { order.returns[$0] }
            var lines = [
                StyledLine("Return label: \(label)", styles.success.adding(.bold)),
                .blank,
            ]
            if let request {
                for line in request.lines {
                    let title = order.lines.first { $0.sku == line.sku }?.title ?? line.sku
                    lines.append(StyledLine("\(line.quantity) × \(title)", styles.base, indent: 2))
                }
                lines.append(StyledLine("Refund: \(money.format(refund(order, returnAt: index!)))", styles.price))
                lines.append(.blank)
            }
            lines += StyledLine.wrapped(
                "Stick the label on the parcel and hand it to \(request?.shipment.carrier.name ?? "the courier"). The refund goes back to your payment once the parcel reaches our warehouse; follow it in the order screen.",
                width: width, style: styles.muted)
            lines.append(.blank)
            lines.append(StyledLine("Esc goes back to the order", styles.muted))
            return lines
        }
        var lines = [StyledLine("Choose what to send back: ↑↓ a line, + - the quantity, Enter confirms", styles.muted), .blank]
        if draft.skus.isEmpty {
            lines.append(StyledLine("Nothing on this order can be returned any more.", styles.stockLow, indent: 2))
        }
        for (index, sku) in draft.skus.enumerated() {
            guard let line = order.lines.first(where: { $0.sku == sku }) else { continue }
            let most = order.returnableQuantity(of: line)
            let chosen = draft.quantities[index]
            let marker = index == draft.selected ? "› " : "  "
            lines.append(StyledLine([
                .init(text: marker, style: styles.heading),
                .init(text: "\(chosen) of \(most)  ", style: chosen > 0 ? styles.price.adding(.bold) : styles.muted),
                .init(text: line.title, style: styles.base),
            ], trailing: .init(text: money.format(line.unitPrice) + " each", style: styles.muted)))
        }
        let perishable = order.lines.filter(\.perishable)
        if !perishable.isEmpty {
            lines.append(.blank)
            lines += StyledLine.wrapped("Not returnable (perishable groceries): " + perishable.map(\.title).joined(separator: ", "),
                                        width: width, style: styles.muted)
        }
        lines.append(.blank)
        lines.append(StyledLine("Refund: \(money.format(order.expectedRefund(of: draft.lines, besides: order.returns)))", styles.price.adding(.bold)))
        if let lastDay = order.withdrawalLastDay, state.now.calendarDay <= lastDay {
            lines.append(StyledLine("Returns accepted until \(lastDay) (14 days after delivery)", styles.muted))
        }
        if let problem = draft.problem {
            lines.append(.blank)
            lines += StyledLine.wrapped(problem, width: width, style: styles.error)
        }
        return lines
    }

    /// What the order's return at `index` was refunded once it arrived, or earns while it travels.
    static func refund(_ order: Order, returnAt index: Int) -> Money {
        order.shownRefund(ofReturnAt: index)
    }

    /// The row of the selected line in the document, for the hardware cursor.
    static func selectedRow(_ draft: ReturnDraft) -> Int? {
        draft.label == nil && !draft.skus.isEmpty ? 2 + draft.selected : nil
    }
}
