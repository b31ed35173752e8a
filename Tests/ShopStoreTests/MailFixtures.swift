import ShopCore

/// Messages shared by the mail tests: accents, emoji, long lines, long subjects, specials.
enum MailFixtures {
    /// The lines of CRLF-terminated text (Swift sees CRLF as one `Character`).
    static func crlfLines(_ text: some StringProtocol) -> [Substring] {
        var lines = Substring(text).split(separator: "\r\n" as Character, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static let shop = try! MailAddress(name: "Comptoir", address: "boutique@comptoir.example")
    static let zoe = try! MailAddress(name: "Zoë Müller", address: "zoe.muller@example.fr")
    static let date = CalendarDay(year: 2026, month: 11, day: 23).at(hour: 18, minute: 38)

    static let longLine = String(repeating: "Détail très long de la commande, ligne sans fin = 10 % ", count: 6)

    static func message(
        _ index: Int, subject: String, body: String, kind: MessageKind = .orderConfirmation, to: MailAddress = zoe
    ) -> ShopMessage {
        ShopMessage(
            from: shop, to: to, subject: subject, date: date.adding(minutes: index), body: body,
            messageID: MessageID(date: date.adding(minutes: index), sequence: index),
            headers: [.kind(kind), .order("C-2026-00012\(index)")]
        )
    }

    static var all: [ShopMessage] {
        [
            message(1, subject: "Commande confirmée : C-2026-000121",
                    body: "Bonjour Zoë,\n\nMerci pour votre commande.\nTotal : 42,50 €\n"),
            message(2, subject: "Votre code 3-D Secure : 482913", body: "Code : 482913\nValable 5 minutes.",
                    kind: .threeDSecureCode),
            message(3, subject: "Expédiée 📦🚚 — suivi CR123456785FR",
                    body: "Votre colis est parti 🎉👨‍👩‍👧‍👦\nSuivi : CR123456785FR\n", kind: .shipped),
            message(4, subject: String(repeating: "Un sujet très très long avec des accents éàüç ", count: 4),
                    body: longLine + "\n" + longLine + "   \n\tTabulation finale\t\n= signe égal =\n", kind: .refund),
            message(5, subject: "Plain ASCII subject that is long enough to need folding across more than one header line for sure",
                    body: "Line ending with spaces   \nFrom the start\n.\n\n\nEnd", kind: .supportAnswer,
                    to: try! MailAddress(name: "O'Brien, Seán \"Jr.\"", address: "sean+shop@mail.example.ie")),
            message(6, subject: "=?UTF-8?B?not really?= and =3D", body: "=?UTF-8?B?w6k=?=\n=41 stays text\n",
                    kind: .accountCreated, to: try! MailAddress(name: "", address: "anonyme@example.org")),
            message(7, subject: "Añadir 中文 العربية ελληνικά", body: String(repeating: "中", count: 100) + "\n",
                    kind: .delivered),
        ]
    }
}
