/// Who sells: what EU directive 2011/83 art. 6(1)(b)–(c) and 8(7) ask the voucher to name — the
/// trading name, the geographic address, the company's registration (SIREN) and intra-EU VAT
/// number, an e-mail address and a telephone number to reach it quickly.
public struct SellerIdentity: Hashable, Sendable {
    public var tradingName: String
    public var legalForm: String
    public var addressLines: [String]
    /// The 9-digit SIREN of the French company register (its last digit is a Luhn check digit).
    public var siren: String
    public var contactEmail: String
    public var phone: String

    public init(tradingName: String, legalForm: String, addressLines: [String], siren: String, contactEmail: String, phone: String) {
        self.tradingName = tradingName
        self.legalForm = legalForm
        self.addressLines = addressLines
        self.siren = siren
        self.contactEmail = contactEmail
        self.phone = phone
    }

    /// The demo shop: the seller every data folder names.
    public static let comptoir = SellerIdentity(
        tradingName: "Comptoir", legalForm: "Comptoir SAS",
        addressLines: ["14 rue Mercière", "69002 Lyon", "France"],
        siren: "902123454", contactEmail: "service@comptoir.shop", phone: "+33 4 78 00 12 34")

    /// The French intra-EU VAT number: `FR`, a two-digit key (12 + 3 × (SIREN mod 97)) mod 97,
    /// then the SIREN.
    public var vatNumber: String {
        let value = Int(siren) ?? 0
        return "FR" + twoDigits((12 + 3 * (value % 97)) % 97) + siren
    }

    /// `902 123 454`.
    public var sirenGrouped: String {
        stride(from: 0, to: siren.count, by: 3).map { start in
            String(siren.dropFirst(start).prefix(3))
        }.joined(separator: " ")
    }

    /// The block a durable message ends with: who the seller is and how to reach it.
    public var block: String {
        """
        \(legalForm), trading as \(tradingName)
        \(addressLines.joined(separator: ", "))
        SIREN \(sirenGrouped) · VAT number \(vatNumber)
        E-mail \(contactEmail) · Telephone \(phone)
        """
    }
}

extension ShopState {
    /// The seller the shop's messages name (shop data: one place to change it).
    public var seller: SellerIdentity { .comptoir }
}
