/// The terms of sale the customer accepts by ticking the box before "Order with obligation to
/// pay": written once from the seller's identity and the shop's rules, read in the terminal.
public enum TermsOfSale {
    public static let title = "Terms of sale"

    /// The terms as paragraphs; a paragraph starting with "## " is a heading.
    public static func paragraphs(seller: SellerIdentity) -> [String] {
        [
            "## 1. The seller",
            "\(seller.legalForm), trading as \(seller.tradingName), \(seller.addressLines.joined(separator: ", ")). "
                + "SIREN \(seller.sirenGrouped), VAT \(seller.vatNumber). Contact: \(seller.contactEmail), \(seller.phone).",
            "## 2. Ordering",
            "Pressing \"Order with obligation to pay\" places the order: it is a binding order to pay the total shown, "
                + "VAT included. The payment step follows for that order. \"Order received\" is sent at once, with "
                + "what is due and by when.",
            "## 3. Payment",
            "By card (with its expiry date and security code; 3-D Secure when the bank asks), by wallet, or in cash "
                + "at an agent with the reference given. An order not paid within \(CommerceDecision.unpaidOrderHours) hours "
                + "of placing is cancelled automatically, free of charge; a cash reference runs to its own expiry.",
            "## 4. Delivery",
            "Delivery Monday to Saturday to the address given, or to the relay point chosen. The delivery dates "
                + "promised count working days from payment: a cash order's promise starts when the cash is paid.",
            "## 5. Right of withdrawal",
            "You may withdraw from the contract within \(ReturnRequest.withdrawalDays) days of delivery without giving "
                + "any reason (EU directive 2011/83, art. 9). Ask for a return from the order's page or write to "
                + "\(seller.contactEmail); the model withdrawal form is in the confirmation mail. The refund, delivery "
                + "included, follows within 14 days of the return received.",
            "## 6. Guarantees",
            "The legal guarantee of conformity (2 years) and the guarantee against hidden defects apply.",
            "## 7. Personal data",
            "Your data serves your orders only. Card numbers and security codes are never stored.",
        ]
    }
}
