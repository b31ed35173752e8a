import ShopCore
import ShopStore

/// The back office's use cases: staff log in for one action, act, and every action is journaled
/// with who did it (the domain adds the audit line).
extension ShopService {
    /// The member of staff `email`, once `password` is verified against their hash; failures are
    /// throttled as customers' are (five in a row lock the login for a while). A customer account
    /// is refused by name; an unknown address or a wrong password by the same words, and at the
    /// same cost.
    public func authenticateStaff(email: String, password: String) throws(ServiceError) -> StaffMember {
        try? store.refresh()
        let office = commerce.backOffice
        guard !office.staff.isEmpty else { throw .merchant(.noStaffYet) }
        guard let member = office.staffMember(email: email) else {
            _ = hasher.verifyWithoutAccount(password)
            if commerce.account(email: email) != nil { throw .merchant(.customerNotStaff((try? EmailAddress(email).value) ?? email)) }
            throw .login(.wrongEmailOrPassword)
        }
        do throws(LoginError) {
            try LoginThrottle.standard.checkNotLocked(member, at: now)
        } catch {
            throw .login(error)
        }
        let verified = hasher.verify(password, against: member.passwordHash)
        // The attempt is journaled when it changes the throttle's count (a failure, a first success after one).
        do throws(ServiceError) {
            try trade(.merchant(.logIn(passwordVerified: verified), staff: member.email))
        } catch .store(.rejected(.commerce(.merchant(.login(let refusal))))) {
            throw .login(refusal)
        }
        guard let current = commerce.backOffice.staffMember(email: member.email) else { throw .login(.wrongEmailOrPassword) }
        guard verified else {
            do throws(LoginError) {
                try LoginThrottle.standard.checkNotLocked(current, at: now)
            } catch {
                throw .login(error)
            }
            throw .login(.wrongEmailOrPassword)
        }
        return current
    }

    /// Whether the shop has no staff yet: then whoever can write the data folder adds the owner.
    public var needsFirstOwner: Bool {
        try? store.refresh()
        return commerce.backOffice.staff.isEmpty
    }

    /// Does `action` as `staff` (nil only for the first owner); refusals of the shop's rules are
    /// `.store(.rejected(.commerce(.merchant(…))))`.
    @discardableResult
    public func merchant(_ action: MerchantAction, by staff: StaffMember?) throws(ServiceError) -> [ShopEvent] {
        try trade(.merchant(action, staff: staff?.email))
    }

    /// Adds a member of staff whose password meets the policy, hashed by the injected hasher.
    @discardableResult
    public func addStaff(
        email: String, name: String, role: StaffRole, password: String, by staff: StaffMember?
    ) throws(ServiceError) -> [ShopEvent] {
        let address: EmailAddress
        do throws(EmailAddressError) { address = try EmailAddress(email) } catch { throw .merchant(.invalidStaffEmail(email)) }
        if commerce.backOffice.staffMember(email: address.value) != nil { throw .merchant(.staffExists(address.value)) }
        do throws(PasswordPolicyError) {
            try PasswordPolicy.standard.check(password, name: name, email: address)
        } catch {
            throw .weakPassword(error)
        }
        let hash: PasswordHash
        do {
            hash = try hasher.hash(password)
        } catch {
            throw .hashing(String(describing: error))
        }
        return try merchant(.addStaff(email: address.value, name: name, role: role, passwordHash: hash), by: staff)
    }

    /// Orders in a queue (nil: every order), oldest first.
    public func merchantOrders(in queue: OrderQueue?) -> [Order] {
        let commerce = self.commerce
        guard let queue else { return commerce.orderNumbers.compactMap { commerce.orders[$0] } }
        return commerce.queues.positions(in: queue).compactMap { commerce.order(at: $0) }
    }

    /// Support tickets, oldest first; only those waiting for the shop (open) when `waitingOnly`.
    public func merchantTickets(waitingOnly: Bool) -> [SupportTicket] {
        commerce.ticketIDs.compactMap { commerce.tickets[$0] }.filter { !waitingOnly || $0.status == .open }
    }

    public func customerSummaries() -> [CustomerSummary] { CustomerSummary.all(in: commerce) }

    public func salesReport(from: CalendarDay?, to: CalendarDay?) -> SalesReport {
        SalesReport(state: state, from: from, to: to)
    }
}
