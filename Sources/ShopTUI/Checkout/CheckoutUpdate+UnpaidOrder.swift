import ShopCore

extension CheckoutUpdate {
    /// `c` on an order placed and not paid (its screen open, or selected in Orders): the wizard's
    /// Payment step for that order, showing where its payment stands (a code or an approval
    /// awaited, a cash reference, or the choice of method after a decline). False when the key
    /// is about the cart instead.
    static func payUnpaidOrder(_ state: inout AppState) -> Bool {
        let order = state.screenOrder ?? (state.focus == .orders ? state.selectedOrder : nil)
        guard let order, let account = state.customer, order.state == .placed, !order.isPaid else { return false }
        if let wizard = state.checkout, wizard.orderNumber == order.number, wizard.step != .confirmation {
            state.checkout?.isOpen = true
            return true
        }
        var wizard = CheckoutWizard(account: account, money: state.money)
        wizard.orderNumber = order.number
        wizard.step = .payment
        switch order.currentPayment?.paymentState {
        case .requiresAction?, .awaitingPayment?:
            route(&state, &wizard, after: .paying)
        default:
            wizard.payment.focus(on: "method")
            state.status = StatusMessage("Order \(order.number) is placed and not paid: choose how to pay it")
        }
        state.search.isEditing = false
        state.checkout = wizard
        return true
    }
}
