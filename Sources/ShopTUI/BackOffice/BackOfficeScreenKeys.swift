import ShopCore

/// The key tables of the screens the back office opens over its panes.
enum BackOfficeScreenKeys {
    static func keyMap(_ screen: BackOfficeScreen) -> BackOfficeKeyMap {
        switch screen {
        case .login: return login
        case .document: return document
        case let .ticket(ticket): return ticket.isReplying ? replying : reading
        case .filterEditing: return filterEditing
        case .form: return form
        case .confirmQuit: return confirmQuit
        case .help: return help
        }
    }

    static let login = BackOfficeKeyMap([
        .init(.enter, footer: ("Enter", "log in"), help: (BackOfficeKeys.forms, "Enter", "log in / send")) { state, _ in
            BackOfficeUpdate.submitLogin(&state)
        },
        .init(.escape, footer: ("Esc", "quit")) { _, _ in [.quit] },
        .init(.tab, .backTab, footer: ("Tab", "next field"), help: (BackOfficeKeys.forms, "Tab ⇧Tab", "next / previous field")) { state, key in
            BackOfficeUpdate.editLogin(&state, key)
        },
        .init([.anyKey]) { state, key in BackOfficeUpdate.editLogin(&state, key) },
    ])

    static let document = BackOfficeKeyMap([
        .init(.escape, .enter, footer: ("Esc", "back"), help: (BackOfficeKeys.lists, "Esc", "back or close")) { state, _ in
            state.screens.close(.document)
            return []
        },
        .init(.up, .down, .character("k"), .character("j"), .pageUp, .pageDown, .home, .end, footer: ("↑↓", "scroll")) { state, key in
            BackOfficeUpdate.scrollDocument(&state, key)
            return []
        },
    ])

    static let reading = BackOfficeKeyMap([
        .init(.escape, footer: ("Esc", "back")) { state, _ in
            state.screens.close(.ticket)
            return []
        },
        .init(.character("r"), .enter, footer: ("r", "reply"), help: (BackOfficeKeys.support, "r", "reply in the thread")) { state, _ in
            BackOfficeUpdate.changeTicket(&state) { $0.isReplying = true }
            return []
        },
        .init(.character("c"), footer: ("c", "close thread")) { state, _ in
            BackOfficeUpdate.closeOpenTicket(&state)
        },
        .init(.up, .down, .character("k"), .character("j"), .pageUp, .pageDown, .home, .end, footer: ("↑↓", "scroll")) { state, key in
            BackOfficeUpdate.scrollTicket(&state, key)
            return []
        },
    ])

    static let replying = BackOfficeKeyMap([
        .init(.enter, footer: ("Enter", "send"), help: (BackOfficeKeys.support, "Enter", "send the reply")) { state, _ in
            BackOfficeUpdate.sendReply(&state)
        },
        .init(.escape, footer: ("Esc", "stop typing")) { state, _ in
            BackOfficeUpdate.changeTicket(&state) { $0.isReplying = false }
            return []
        },
        .init([.anyKey]) { state, key in
            BackOfficeUpdate.changeTicket(&state) { ticket in
                if key != .tab, key != .backTab { _ = ticket.reply.handle(key) }
            }
            return []
        },
    ])

    static let filterEditing = BackOfficeKeyMap([
        .init(.enter, .escape, footer: ("Enter", "done")) { state, key in
            state.screens.close(.filterEditing)
            if key == .escape { state.setCatalogueFilter(TextField("", maxLength: 60)) }
            return []
        },
        .init(.up, .down) { state, key in
            state.screens.close(.filterEditing)
            return BackOfficeUpdate.move(&state, key)
        },
        .init([.anyKey]) { state, key in
            var form = Form([FormItem(id: "filter", label: "", kind: .text(state.catalogueFilter))])
            if key != .tab, key != .backTab { _ = form.handle(key) }
            if let field = form.item("filter")?.textField { state.setCatalogueFilter(field) }
            return []
        },
    ])

    static let form = BackOfficeKeyMap([
        .init(.enter, footer: ("Enter", "confirm"), help: (BackOfficeKeys.forms, "Enter", "log in / send")) { state, _ in
            BackOfficeForms.submit(&state)
        },
        .init(.escape, footer: ("Esc", "cancel"), help: (BackOfficeKeys.forms, "Esc", "cancel the form")) { state, _ in
            state.screens.close(.form)
            return []
        },
        .init(.tab, .backTab, footer: ("Tab", "next field")) { state, key in
            BackOfficeForms.edit(&state, key)
        },
        .init([.anyKey]) { state, key in BackOfficeForms.edit(&state, key) },
    ])

    static let confirmQuit = BackOfficeKeyMap([
        .init(.character("y"), footer: ("y", "quit")) { _, _ in [.quit] },
        .init([.anyKey], footer: ("any key", "stay")) { state, _ in
            state.screens.close(.confirmQuit)
            return []
        },
    ])

    static let help = BackOfficeKeyMap([
        .init([.anyKey], footer: ("any key", "close")) { state, _ in
            state.screens.close(.help)
            return []
        },
    ])

    /// Every key of the back office, grouped, for `?`.
    static var helpContents: [(group: String, bindings: [KeyHelp.Binding])] {
        let tables = [BackOfficeKeys.global, BackOfficeKeys.movement] + BackOfficePane.allCases.map(BackOfficeKeys.pane)
            + [reading, replying, document, filterEditing, form, login]
        return BackOfficeKeyMap.helpGroups(tables, groups: BackOfficeKeys.helpGroups)
    }
}
