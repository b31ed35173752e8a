import ShopCore
import ShopService
import ShopStore

/// Carries out the effects `update` asks of the shop through the application layer and says
/// their outcome as messages: a refused or failed use case is a `commandFailed`, never a crash.
/// The shop worker (`ShopWorker`) runs it on its queue; the interface tests' harness runs it
/// inline, on the test's thread, for tests of `update` and the views.
public struct EffectRunner {
    public let service: ShopService

    public init(service: ShopService) {
        self.service = service
    }

    /// The outcome of a shop effect for `shopper`'s session; nil for effects that are not the
    /// shop's (quit, searches).
    public func outcome(of effect: Effect, for shopper: Shopper) -> [Message]? {
        switch effect {
        case .quit, .search, .buildIndex:
            return nil
        case let .request(id, effect):
            return outcome(of: effect, for: shopper)?.map { .answered(id, $0) }
        case let .execute(command, note):
            do throws(ServiceError) {
                let events = try service.execute(command)
                return [.commandSucceeded(events: events, state: service.state, note: note)]
            } catch {
                return [.commandFailed(error.description)]
            }
        case let .trade(command, note):
            return trade(command, note: note)
        case let .logIn(email, password):
            return loggedIn { () throws(ServiceError) in
                try service.logIn(email: email, password: password, session: shopper.sessionName)
            }
        case let .register(registration, password):
            return registered(registration) { () throws(ServiceError) in
                try service.register(registration, password: password, session: shopper.sessionName)
            }
        case let .markMessageRead(key):
            do throws(ServiceError) {
                try service.mailbox.markRead(key)
            } catch {
                return [.commandFailed("The message could not be marked read: \(error)")]
            }
            return readMailbox().map { [.mailboxChanged($0)] } ?? []
        }
    }

    /// The outcome of a login as messages.
    public func loggedIn(_ body: () throws(ServiceError) -> LoggedIn) -> [Message] {
        do throws(ServiceError) {
            let entry = try body()
            return [.commandSucceeded(events: entry.events, state: service.state, note: "Logged in as \(entry.account.name)")]
        } catch {
            return failure(error, note: nil)
        }
    }

    /// The outcome of a registration as messages, with the welcome mail.
    public func registered(_ registration: AccountRegistration, _ body: () throws(ServiceError) -> LoggedIn) -> [Message] {
        do throws(ServiceError) {
            let entry = try body()
            return [.commandSucceeded(events: entry.events, state: service.state, note: Self.registeredNote(registration, entry.events))]
                + mailboxIfSent(entry.events)
        } catch {
            return failure(error, note: nil)
        }
    }

    /// What the status line says after a registration: over SSH, whether the session's key now
    /// logs the customer in (a key already another account's stays with it).
    static func registeredNote(_ registration: AccountRegistration, _ events: [ShopEvent]) -> String {
        let email = registration.email.value
        let added = events.lazy.compactMap { event -> AccountKey? in
            if case let .commerce(.accountKeyAdded(key)) = event { return key } else { return nil }
        }.first
        // The fingerprint's start is enough to recognise it and keeps the line within 80 columns.
        if let added { return "Your SSH key \(added.fingerprint.prefix(15))… now logs you in as \(email)" }
        if registration.sshKey != nil {
            return "Account created for \(email): your SSH key is another account's, log in with your password next time"
        }
        return "Account created for \(email): you are logged in"
    }

    /// Runs a trade command; the outcome, then the mailbox if the command sent mail. A nil note
    /// leaves the status line alone (ticks).
    public func trade(_ command: CommerceCommand, note: String?) -> [Message] {
        let events: [ShopEvent]
        do throws(ServiceError) {
            events = try service.trade(command)
        } catch {
            return failure(error, note: note)
        }
        var messages: [Message] = []
        if !events.isEmpty || note != nil {
            messages.append(.commandSucceeded(events: events, state: service.state, note: note ?? ""))
        }
        return messages + mailboxIfSent(events)
    }

    /// The mailbox in `DATA/mail`, oldest first; nil when it cannot be read.
    public func readMailbox() -> [MailboxEntry]? {
        try? service.mailbox.allMessages()
    }

    private func mailboxIfSent(_ events: [ShopEvent]) -> [Message] {
        let sentMail = events.contains { event in
            if case .commerce(.messageQueued) = event { return true } else { return false }
        }
        guard sentMail, let mailbox = readMailbox() else { return [] }
        return [.mailboxChanged(mailbox)]
    }

    /// A refused or failed use case as messages: events journaled whose mail could not be written
    /// still show the new state.
    private func failure(_ error: ServiceError, note: String?) -> [Message] {
        if case .mailNotWritten = error {
            return [.commandSucceeded(events: [], state: service.state, note: note ?? ""), .commandFailed(error.description)]
        }
        return [.commandFailed(error.description)]
    }
}
