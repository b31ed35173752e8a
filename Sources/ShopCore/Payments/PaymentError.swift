/// Why a payment step was refused. Each message is one line that says what was wrong and what
/// would be right. No message ever quotes a card number or a security code.
public enum PaymentError: Error, Hashable, Sendable, CustomStringConvertible {
    // Card details
    case emptyCardNumber
    case cardNumberTooShort(digitCount: Int)
    case invalidCardNumberCharacter(Character)
    case unsupportedCardNetwork(String?)
    case cardNumberLength(brand: CardBrand, digitCount: Int)
    case cardNumberCheckDigit
    case malformedExpiry(String)
    /// A card payment without its expiry date.
    case missingExpiry
    /// A card payment without the security code its brand has.
    case missingSecurityCode(brand: CardBrand)
    case invalidExpiryMonth(Int)
    case cardExpired(month: Int, year: Int)
    case expiryTooFarAhead(year: Int)
    case malformedSecurityCode
    case securityCodeLength(brand: CardBrand, digitCount: Int)
    // Amounts
    case amountNotPositive(Money)
    // 3-D Secure
    case malformedOneTimeCode
    // Wallet
    case invalidWalletEmail(String)
    case walletNotApproved
    // Cash at an agent
    case malformedReference(String, offending: Character?)
    case referenceCheckFailed(String)
    case wrongCashAmount(reference: CashReference, expected: Money, received: Money)
    case referenceExpired(reference: CashReference, expiredAt: ShopInstant)
    case referenceAlreadyPaid(CashReference)
    // Refunds
    case refundNotPositive(Money)
    case refundCurrencyMismatch(captured: Currency, requested: Currency)
    case refundExceedsRemaining(requested: Money, remaining: Money, captured: Money)
    case nothingLeftToRefund(captured: Money)
    // Any step taken in the wrong state
    case invalidTransition(action: PaymentAction, from: PaymentState)

    public var description: String {
        switch self {
        case .emptyCardNumber:
            return "no card number was given: type the digits on the front of the card"
        case let .cardNumberTooShort(digitCount):
            return "a card number has 13 to 19 digits: only \(digitCount) were typed"
        case let .invalidCardNumberCharacter(character):
            return "\(Quote.value(character)) cannot appear in a card number: type only digits, with spaces or dashes if you like"
        case let .unsupportedCardNetwork(network):
            let name = network.map { "\($0) cards are" } ?? "this card is"
            return "\(name) not accepted: pay by Visa, Mastercard, American Express or CB"
        case let .cardNumberLength(brand, digitCount):
            return "\(brand.withArticle) card number has \(Self.list(brand.numberLengths)) digits: this one has \(digitCount)"
        case .cardNumberCheckDigit:
            return "the card number fails its check digit: check for a typo"
        case let .malformedExpiry(text):
            return "\(Quote.value(text)) is not an expiry date: write the month and year as on the card, MM/YY (e.g. 04/29)"
        case .missingExpiry:
            return "a card payment needs the card's expiry date: add --expiry MM/YY as printed on the card"
        case let .missingSecurityCode(brand):
            return "a card payment needs the security code: add --cvc with the \(brand.securityCodeLength) digits \(brand == .americanExpress ? "on the front" : "on the back") of the card"
        case let .invalidExpiryMonth(month):
            return "\(month) is not a month: the expiry month is between 01 and 12"
        case let .cardExpired(month, year):
            return "the card expired in \(twoDigits(month))/\(year): use a card that is still valid"
        case let .expiryTooFarAhead(year):
            return "no card is valid until \(year): check the expiry year on the card"
        case .malformedSecurityCode:
            return "the security code holds only digits: 3 on the back of the card, 4 on the front of an American Express card"
        case let .securityCodeLength(brand, digitCount):
            return "the security code of \(brand.withArticle) card has \(brand.securityCodeLength) digits: \(digitCount) were given"
        case let .amountNotPositive(amount):
            return "a payment of \(amount) is not possible: the amount must be more than zero"
        case .malformedOneTimeCode:
            return "the code has 6 digits: type it as it appears in the message from your bank"
        case let .invalidWalletEmail(text):
            return "\(Quote.value(text)) is not an email address: the wallet account is an address such as jane@example.com"
        case .walletNotApproved:
            return "the wallet payment cannot be captured yet: the customer has not approved it in the wallet"
        case let .malformedReference(text, offending):
            let why = offending.map { "'\($0)' never appears in one" } ?? "it has the wrong length"
            return "\(Quote.value(text)) is not a payment reference (\(why)): it looks like CMP-7K4Q-9XW2-A"
        case let .referenceCheckFailed(text):
            return "the payment reference \(Quote.value(text)) fails its check character: check for a typo"
        case let .wrongCashAmount(reference, expected, received):
            return "reference \(reference) is for \(expected) but \(received) was given: collect exactly \(expected)"
        case let .referenceExpired(reference, expiredAt):
            return "reference \(reference) expired on \(MessageTime.text(expiredAt)): no payment can be recorded against it"
        case let .referenceAlreadyPaid(reference):
            return "reference \(reference) is already paid: nothing more to collect"
        case let .refundNotPositive(amount):
            return "a refund of \(amount) is not possible: refund more than zero"
        case let .refundCurrencyMismatch(captured, requested):
            return "the payment was in \(captured.code): a refund in \(requested.code) is not possible"
        case let .refundExceedsRemaining(requested, remaining, captured):
            return "cannot refund \(requested): only \(remaining) of the \(captured) paid is left to refund"
        case let .nothingLeftToRefund(captured):
            return "the \(captured) paid has already been refunded in full"
        case let .invalidTransition(action, from):
            return "cannot \(action) a payment that is \(from.label)"
        }
    }

    private static func list(_ numbers: [Int]) -> String {
        guard numbers.count > 1 else { return numbers.first.map(String.init) ?? "" }
        let head = numbers.dropLast().map(String.init).joined(separator: ", ")
        return "\(head) or \(numbers[numbers.count - 1])"
    }
}

/// A step of a payment, named in the messages of steps taken at the wrong time.
public enum PaymentAction: String, Hashable, Sendable, CustomStringConvertible {
    case confirmCode = "confirm a 3-D Secure code for"
    case approve = "approve"
    case capture = "capture"
    case cancel = "cancel"
    case recordCash = "record cash for"
    case refund = "refund"

    public var description: String { rawValue }
}
