import ShopCore
import ShopStore
import Testing
@testable import ShopTUI

/// Pane 5: unread counts, rows, the reader, and the status line when mail arrives.
@Suite struct MessagesPaneTests {
    static let mailbox = [
        AfterSalesShop.mail("a", subject: "Welcome to Comptoir", read: true, date: .utc(year: 2026, month: 11, day: 29, hour: 8)),
        AfterSalesShop.mail("b", subject: "Order C-2026-000001 confirmed", date: .utc(year: 2026, month: 11, day: 30, hour: 9)),
        AfterSalesShop.mail("c", subject: "For someone else", to: "Bob <bob@example.fr>"),
        AfterSalesShop.mail("d", subject: "Your voucher", date: .utc(year: 2026, month: 11, day: 30, hour: 10),
                            body: (1...60).map { "Line \($0) of the voucher." }.joined(separator: "\n")),
    ]

    @Test func unreadCountInThePaneTitleAndTheTabBar() throws {
        let shop = try AfterSalesShop()
        var wide = shop.appState(width: 120, height: 40, mailbox: Self.mailbox)
        #expect(wide.unreadCount == 2)
        #expect(ShopView.render(wide).text().contains("5 Messages (2)"))
        Fixtures.press(&wide, .character("5"))
        var narrow = shop.appState(width: 79, height: 24, mailbox: Self.mailbox)
        Fixtures.press(&narrow, .character("5"))
        let tabs = ShopView.render(narrow).text().split(separator: "\n")[1]
        #expect(tabs.contains("5 Messages (2)"))
        #expect(TabBarView.pane(atColumn: DisplayWidth.of(tabs) - 2, width: 79, focus: .messages, unread: 2) == .messages)
    }

    @Test func rowsNewestFirstUnreadMarked() throws {
        let shop = try AfterSalesShop()
        var state = shop.appState(width: 120, height: 40, mailbox: Self.mailbox)
        Fixtures.press(&state, .character("5"))
        let lines = ShopView.render(state).text().split(separator: "\n").map(String.init)
        let voucher = try #require(lines.firstIndex { $0.contains("Your voucher") })
        let welcome = try #require(lines.firstIndex { $0.contains("Welcome to Comptoir") })
        #expect(voucher < welcome)
        #expect(lines[voucher].contains("• 11-30  Your voucher"))
        #expect(!lines[welcome].contains("•"))
        #expect(!lines.contains { $0.contains("For someone else") })
    }

    @Test func anAddressInsideAnotherOneReadsNoneOfItsMail() throws {
        var shop = try AfterSalesShop()
        let registration = try AccountRegistration(
            name: "Oé Martin", email: "oe@example.fr", password: "Tilleul-et-verveine-42", line1: "12 rue des Lilas",
            postalCode: "75011", city: "Paris", countryCode: "FR")
        try shop.trade(.register(registration, passwordHash: PasswordHash(encoded: "plain$x"), session: "local:oe"))
        let mailbox = [
            AfterSalesShop.mail("z", subject: "Your 3-D Secure code", to: "Zoë Martin <zoe@example.fr>"),
            AfterSalesShop.mail("o", subject: "Welcome, Oé", to: "Oé Martin <OE@example.fr>"),
        ]
        var oe = shop.appState(width: 120, height: 40, mailbox: mailbox, shopper: .session("local:oe"))
        #expect(oe.customer?.email.value == "oe@example.fr")
        #expect(oe.customerMessages.map(\.key) == ["o"])
        Fixtures.press(&oe, .character("5"))
        let text = ShopView.render(oe).text()
        #expect(text.contains("Welcome, Oé"))
        #expect(!text.contains("3-D Secure"))
        // Zoë, on the local session, sees only hers.
        #expect(shop.appState(mailbox: mailbox).customerMessages.map(\.key) == ["z"])
        #expect(shop.appState(mailbox: mailbox, shopper: .session("local:guest")).customerMessages.isEmpty)
    }

    @Test func theReaderScrollsWithinWhatWasDrawnAndUpdateNeverMeasuresIt() throws {
        let shop = try AfterSalesShop()
        var state = shop.appState(width: 80, height: 24, mailbox: Self.mailbox)
        Fixtures.press(&state, .character("5"), .enter)
        Fixtures.press(&state, .end)
        #expect(state.reader?.scroll ?? 0 > 1_000_000, "not drawn yet: nothing to clamp to but 0")
        #expect(ShopView.render(state).text().contains("Line 60 of the voucher."), "drawing clamps it")
        let most = AfterSalesView.maxScroll(state)
        Fixtures.press(&state, .end, .up)
        #expect(state.reader?.scroll == most - 1, "once drawn, End stops at the end and ↑ moves at once")
        Fixtures.press(&state, .home, .up)
        #expect(state.reader?.scroll == 0)
        #expect(ScrollExtents().scroll(Int.max - 1, by: Int.max / 2, id: "x") == Int.max, "saturates")
    }

    @Test func enterOpensTheReaderMarksReadAndScrolls() throws {
        let shop = try AfterSalesShop()
        var state = shop.appState(width: 80, height: 24, mailbox: Self.mailbox)
        Fixtures.press(&state, .character("5"))
        #expect(Fixtures.press(&state, .enter) == [.markMessageRead(key: "d")])
        var text = ShopView.render(state).text()
        #expect(text.contains("Your voucher"))
        #expect(text.contains("From: Comptoir <shop@comptoir.example>"))
        #expect(text.contains("Line 1 of the voucher."))
        #expect(!text.contains("Line 60 of the voucher."))
        Fixtures.press(&state, .pageDown, .pageDown, .pageDown, .pageDown)
        text = ShopView.render(state).text()
        #expect(text.contains("Line 60 of the voucher."))
        #expect(state.reader?.scroll == AfterSalesView.maxScroll(state))
        Fixtures.press(&state, .escape)
        #expect(state.reader == nil)
        Fixtures.press(&state, .end, .enter)
        #expect(state.reader?.key == "a")
        #expect(Fixtures.press(&state, .escape).isEmpty)
        #expect(Fixtures.press(&state, .end, .enter).isEmpty, "a read message is not marked again")
    }

    @Test func newMailForTheCustomerIsAnnouncedOnce() throws {
        let shop = try AfterSalesShop()
        var state = shop.appState(mailbox: Array(Self.mailbox.prefix(2)))
        _ = update(&state, .mailboxChanged(Self.mailbox))
        #expect(state.status == StatusMessage("New message: Your voucher (Messages, 5)"))
        state.status = nil
        _ = update(&state, .mailboxChanged(Self.mailbox))
        #expect(state.status == nil, "nothing new")
        _ = update(&state, .mailboxChanged(Self.mailbox + [AfterSalesShop.mail("e", subject: "Hi Bob", to: "bob@example.fr")]))
        #expect(state.status == nil, "not addressed to the customer")
    }

    @Test func mailCausedByTheLastActionJoinsItsLineAndLaterMailReplacesIt() throws {
        let shop = try AfterSalesShop()
        var state = shop.appState(mailbox: [])
        state.status = StatusMessage("Order placed with obligation to pay")
        _ = update(&state, .mailboxChanged(Array(Self.mailbox.prefix(1))))
        let first = try #require(state.status?.text)
        #expect(first.hasPrefix("Order placed with obligation to pay · New message: "))
        _ = update(&state, .tick(state.now.adding(seconds: 1)))
        _ = update(&state, .mailboxChanged(Self.mailbox))
        #expect(state.status == StatusMessage("New message: Your voucher and 1 more (Messages, 5)"))
        state.status = StatusMessage("That went wrong", isError: true)
        _ = update(&state, .mailboxChanged(Self.mailbox + [AfterSalesShop.mail("f", subject: "Later")]))
        #expect(state.status == StatusMessage("New message: Later (Messages, 5)"), "an error line is not extended")
    }

    @Test func aClickSelectsAMessageAndTheWheelScrollsTheReader() throws {
        let shop = try AfterSalesShop()
        var state = shop.appState(width: 80, height: 24, mailbox: Self.mailbox)
        Fixtures.press(&state, .character("5"))
        let pane = try #require(state.layout.rect(of: .messages))
        _ = update(&state, .mouse(MouseEvent(.click, x: pane.x + 5, y: pane.y + 1 + 2)))
        #expect(state.inbox[state.messagesCursor.selected].key == "a")
        Fixtures.press(&state, .home, .enter)
        _ = update(&state, .mouse(MouseEvent(.wheelDown, x: 10, y: 10)))
        #expect(state.reader?.scroll == 3)
        _ = update(&state, .mouse(MouseEvent(.click, x: 10, y: 10)))
        #expect(state.reader != nil, "a click does not close the reader")
    }

    @Test func mailArrivingWhileACancelWaitsKeepsTheQuestion() throws {
        var shop = try AfterSalesShop()
        let number = try shop.order()
        var state = shop.appState(mailbox: [])
        Fixtures.press(&state, .character("4"), .character("x"))
        _ = update(&state, .mailboxChanged(Self.mailbox))
        #expect(state.status == StatusMessage("Cancel order \(number)? y/n"))
    }

    @Test func loggedOutThePaneAsksToLogIn() {
        var state = Fixtures.state(width: 120, height: 40)
        state.mailbox = Self.mailbox
        Fixtures.press(&state, .character("5"))
        #expect(ShopView.render(state).text().contains("Log in (l) to read your messages"))
        #expect(Fixtures.press(&state, .enter).isEmpty)
        #expect(state.reader == nil)
    }
}
