import ShopCore

/// What the back office's `update` asks its runtime (`BackOfficeSession`) to do; the outcome comes
/// back to the screen on `from` (`BackOfficeUpdate.answer`).
public enum BackOfficeEffect: Hashable, Sendable {
    /// Check the staff password (scrypt, throttled like every login) and log the member in.
    case logIn(email: String, password: String)
    /// Do `action` as the member of staff logged in; on success say `note` in the status line.
    case act(MerchantAction, note: String, from: BackOfficeScreen.Layer?)
    case quit
}
