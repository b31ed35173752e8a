/// The payment service the shop talks to. Randomness (tokens, codes, references) comes in through
/// the generator and time through `now`, so every outcome is reproducible.
///
/// Card details go in; only a `CardPayment` (brand, last four, expiry, token) comes out.
public protocol PaymentGateway: Sendable {
    /// Asks the card's bank to authorize `amount`. Invalid details are refused with an error; the
    /// bank's answer (authorized, 3-D Secure challenge, or declined) is the returned payment's status.
    func authorize<R: RandomNumberGenerator>(
        _ card: CardDetails, amount: Money, at now: ShopInstant, using random: inout R
    ) throws(PaymentError) -> CardPayment

    /// Opens a wallet payment that the customer then approves in the wallet.
    func startWalletPayment<R: RandomNumberGenerator>(
        payer email: String, amount: Money, at now: ShopInstant, using random: inout R
    ) throws(PaymentError) -> WalletPayment

    /// Issues a reference the customer pays in cash at an agent.
    func issueCashReference<R: RandomNumberGenerator>(
        amount: Money, at now: ShopInstant, using random: inout R
    ) throws(PaymentError) -> CashPayment
}
