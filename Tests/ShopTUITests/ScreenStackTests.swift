import ShopCore
import Testing
@testable import ShopTUI

/// The shop's screens on one stack: layers decide which is over which, the top one takes the keys
/// first and lets through what it does not bind, and each flag of the old AppState reads the stack.
@Suite struct ScreenStackTests {
    enum Demo: LayeredScreen, Equatable {
        case low(Int), high

        var layer: Int {
            switch self {
            case .low: return 0
            case .high: return 1
            }
        }
    }

    @Test func screensKeepTheirLayerOrderWhateverTheOrderTheyOpenIn() {
        var stack = ScreenStack<Demo>()
        stack.open(.high)
        stack.open(.low(1))
        #expect(stack.screens == [.low(1), .high])
        stack.open(.low(2))
        #expect(stack.screens == [.low(2), .high], "a layer holds one screen: opening replaces it")
        #expect(stack.highest(below: nil) == .high)
        #expect(stack.highest(below: 1) == .low(2))
        #expect(stack.highest(below: 0) == nil)
        stack.close(1)
        #expect(stack.top == .low(2))
    }

    @Test func helpOpensOverTheProductPageAndClosesBackToIt() {
        var state = Fixtures.state()
        Fixtures.press(&state, .enter)
        #expect(state.screens.screens.map(\.layer) == [.productDetail])
        Fixtures.press(&state, .character("?"))
        #expect(state.screens.screens.map(\.layer) == [.productDetail, .help])
        #expect(KeyHelp.footer(for: state).map(\.keys) == ["any key"])
        Fixtures.press(&state, .character("a"))
        #expect(state.screens.screens.map(\.layer) == [.productDetail], "the key that closes the help does nothing else")
        #expect(KeyHelp.footer(for: state).first?.action == "add to cart")
    }

    @Test func theProductPageLetsTheGlobalKeysThroughAndKeepsItsOwn() {
        var state = Fixtures.state()
        Fixtures.press(&state, .enter)
        let effects = Fixtures.press(&state, .character("j"))
        #expect(effects.isEmpty)
        #expect(state.catalogueCursor.selected == 0, "j is not the page's key: it does not move the list under it")
        Fixtures.press(&state, .character("3"))
        #expect(state.focus == .cart)
        #expect(state.detail != nil, "the page stays open in the catalogue while another pane has the focus")
        #expect(KeyHelp.footer(for: state).first?.action == "quantity", "the footer is the focused pane's")
    }

    @Test func aClosedFormKeepsItsInputOffTheStack() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("l"))
        #expect(state.screens.top?.layer == .accountForm)
        Fixtures.type(&state, "ada@example.com")
        Fixtures.press(&state, .escape)
        #expect(state.screens.isEmpty)
        #expect(state.accountForm?.isOpen == false)
        #expect(state.accountForm?.login.text("email") == "ada@example.com")
        Fixtures.press(&state, .character("l"))
        #expect(state.screens.top?.layer == .accountForm)
        #expect(state.accountForm?.login.text("email") == "ada@example.com")
    }

    @Test func aLoginsOutcomeGoesToTheLoginFormAndNoOtherOutcomeDoes() throws {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("l"))
        Fixtures.type(&state, "ada@example.com")
        Fixtures.press(&state, .tab)
        Fixtures.type(&state, "secret words")
        let effects = Fixtures.press(&state, .enter)
        #expect(Fixtures.unaddressed(effects) == [.logIn(email: "ada@example.com", password: "secret words")])
        let request = try #require(Fixtures.request(effects))
        #expect(request.screen == .accountForm)
        _ = update(&state, .commandFailed("only 3 of Illy in stock"))
        #expect(state.accountForm?.isWaiting == true, "another command's refusal is not the login's")
        #expect(state.accountForm?.login.error == nil)
        _ = update(&state, .answered(request, .commandFailed("wrong email or password")))
        #expect(state.accountForm?.isWaiting == false)
        #expect(state.accountForm?.login.error == "Wrong email or password")
        #expect(state.status == StatusMessage("wrong email or password", isError: true))
    }

    @Test func searchEditingIsAScreenAndTabLeavesItForTheNextPane() {
        var state = Fixtures.state()
        Fixtures.press(&state, .character("/"))
        #expect(state.screens.top == .searchEditing)
        Fixtures.type(&state, "tea")
        #expect(state.search.text == "tea")
        Fixtures.press(&state, .tab)
        #expect(state.screens.isEmpty)
        #expect(state.focus == .filters)
    }
}

/// Key tables as data: the first binding that matches wins, the footer is the table's, the help
/// gathers every table once.
@Suite struct KeyMapTests {
    @Test func theFirstMatchingBindingWinsAndAnUnboundKeyHasNoAction() {
        let map = KeyMap<String>([
            KeyBinding(.character("y"), footer: ("y", "yes"), action: "yes"),
            KeyBinding([.anyCharacter], action: "typed"),
        ])
        #expect(map.action(for: .character("y")) == "yes")
        #expect(map.action(for: .character("z")) == "typed")
        #expect(map.action(for: .escape) == nil)
        #expect(map.footer.map(\.keys) == ["y"])
    }

    @Test func theHelpListsEachEntryOnceInTheGivenGroupOrder() {
        let first = KeyMap<Int>([KeyBinding(.enter, help: (group: "B", keys: "Enter", text: "open"), action: 1)])
        let second = KeyMap<Int>([
            KeyBinding(.escape, help: (group: "A", keys: "Esc", text: "back"), action: 2),
            KeyBinding(.enter, help: (group: "B", keys: "Enter", text: "open"), action: 3),
        ])
        let groups = KeyMap<Int>.helpGroups([first, second], groups: ["A", "B"])
        #expect(groups.map(\.group) == ["A", "B"])
        #expect(groups[1].bindings.count == 1)
    }

    @Test func everyPaneFooterKeyIsAKeyOfItsTable() {
        for pane in PaneID.allCases {
            var state = Fixtures.state(width: 120, height: 40)
            Fixtures.press(&state, .character(Character(String(pane.rawValue))))
            let table = ShopKeys.panes(state)
            for binding in table.bindings where binding.footer != nil {
                #expect(!binding.patterns.isEmpty, "\(pane): \(binding.footer!.keys) names no key")
            }
            #expect(KeyHelp.footer(for: state).map(\.keys) == table.footer.map(\.keys))
        }
    }

    @Test func theHelpShowsEveryKeyAPaneDocuments() {
        let help = Set(KeyHelp.all.flatMap { $0.bindings.map { "\($0.keys) \($0.action)" } })
        for pane in PaneID.allCases {
            for binding in ShopKeys.pane(pane).bindings {
                guard let entry = binding.help else { continue }
                #expect(help.contains("\(entry.keys) \(entry.text)"))
            }
        }
        #expect(KeyHelp.all.map(\.group) == ["Everywhere", "Lists", "Shopping", "Orders", "Forms", "Search box"])
    }
}
