import ArgumentParser
import ShopCore
import ShopService
import ShopStore

struct MerchantStaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "The shop's staff: add, list, remove (owners only).",
        subcommands: [Add.self, List.self, Remove.self], defaultSubcommand: List.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a member of staff. The first, the owner, is added by whoever can write the data folder; after that an owner adds staff with --by.",
            discussion: """
                The new member's password comes from COMPTOIR_NEW_PASSWORD (or is asked); the adding owner's \
                from COMPTOIR_PASSWORD (or is asked).
                """)
        @Option(help: ArgumentHelp("The new member's email.", valueName: "EMAIL")) var email: String
        @Option(help: "The new member's name.") var name: String
        @Option(help: "owner or staff (default: staff; the first member is the owner).") var role: String?
        @Option(help: ArgumentHelp("The owner who adds them (needed once the shop has staff).", valueName: "OWNER"))
        var by: String?
        @OptionGroup var data: DataOptions

        func run() throws {
            try reportingFailures {
                var chosen: StaffRole?
                if let role {
                    guard let parsed = StaffRole(rawValue: role.lowercased()) else {
                        throw CommandFailure("--role \(Quote.value(role)) is not a role: choose owner or staff", status: .usage)
                    }
                    chosen = parsed
                }
                let session = try ShopSession(data: data)
                if session.service.needsFirstOwner {
                    let password = try PasswordInput.read(prompt: "Password for \(email): ", variable: "COMPTOIR_NEW_PASSWORD", fallback: PasswordInput.variable)
                    do {
                        try session.service.addStaff(email: email, name: name, role: chosen ?? .owner, password: password, by: nil)
                    } catch {
                        throw CommandFailure(error)
                    }
                    printText("\(TerminalText.sanitize(name.trimmed)) <\(email.trimmed.lowercased())> is the shop's owner.")
                    return
                }
                guard by != nil else {
                    throw CommandFailure("the shop has staff: give --by OWNER, the owner who adds this member", status: .usage)
                }
                var options = StaffOptions()
                options.email = by
                options.data = data
                let desk = try MerchantDesk(options)
                let password = try PasswordInput.read(prompt: "Password for \(email): ", variable: "COMPTOIR_NEW_PASSWORD")
                do {
                    try desk.service.addStaff(email: email, name: name, role: chosen ?? .staff, password: password, by: desk.staff)
                } catch {
                    throw CommandFailure(error)
                }
                printText("\(TerminalText.sanitize(name.trimmed)) <\(email.trimmed.lowercased())> is now \((chosen ?? .staff).rawValue).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the staff.")
        @Flag(help: "Print JSON for programs.") var json = false
        @OptionGroup var staff: StaffOptions

        func run() throws {
            try reportingFailures {
                let desk = try MerchantDesk(staff)
                let members = desk.commerce.backOffice.staff
                if json {
                    printJSON(.array(members.map { member in
                        .object([("email", .string(member.email)), ("name", .string(member.name)),
                                 ("role", .string(member.role.rawValue)), ("added_at", .string(member.addedAt.iso8601))])
                    }))
                    return
                }
                var table = TextTable([.init(title: "Email"), .init(title: "Name"), .init(title: "Role"), .init(title: "Added")])
                for member in members { table.add([member.email, member.name, member.role.rawValue, member.addedAt.description]) }
                printText(table.rendered())
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a member of staff (never the last owner).")
        @Argument(help: "The member's email.") var member: String
        @OptionGroup var staff: StaffOptions

        func run() throws {
            try reportingFailures {
                let desk = try MerchantDesk(staff)
                try desk.act(.removeStaff(email: member))
                printText("\(member.lowercased()) is no longer staff.")
            }
        }
    }
}

struct MerchantAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Who did what in the back office, oldest first.")
    @Flag(help: "Print JSON for programs.") var json = false
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            let desk = try MerchantDesk(staff)
            let entries = desk.commerce.backOffice.audit
            if json {
                printJSON(.array(entries.map { entry in
                    .object([("at", .string(entry.at.iso8601)), ("staff", .string(entry.staff)), ("action", .string(entry.action))])
                }))
                return
            }
            guard !entries.isEmpty else { printText("Nothing in the audit journal yet."); return }
            var table = TextTable([.init(title: "When"), .init(title: "Who"), .init(title: "What")])
            for entry in entries { table.add([entry.at.description, entry.staff, entry.action]) }
            printText(table.rendered())
        }
    }
}

struct MerchantSettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or change the shop's settings (owners only).")
    @Option(help: ArgumentHelp("automatic (the warehouse ships paid orders by itself) or manual (staff ship with 'merchant ship').", valueName: "MODE"))
    var fulfilment: String?
    @Flag(help: "Print JSON for programs.") var json = false
    @OptionGroup var staff: StaffOptions

    func run() throws {
        try reportingFailures {
            var mode: FulfilmentMode?
            if let fulfilment {
                guard let parsed = FulfilmentMode(rawValue: fulfilment.lowercased()) else {
                    throw CommandFailure("--fulfilment \(Quote.value(fulfilment)) is not a mode: choose manual or automatic", status: .usage)
                }
                mode = parsed
            }
            let desk = try MerchantDesk(staff)
            if let mode { try desk.act(.setFulfilment(mode)) }
            let current = desk.commerce.backOffice.fulfilment
            if json {
                printJSON(.object([("fulfilment", .string(current.rawValue))]))
            } else {
                printText("Fulfilment: \(current.rawValue)")
            }
        }
    }
}
