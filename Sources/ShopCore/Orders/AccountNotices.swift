/// The security notices a careful customer expects when their account's way in changes (the
/// password, an SSH key added or removed) or is locked by wrong passwords. Each says what
/// happened, when (shop time), from where as far as the shop knows, and what to do if it was not
/// them. No secret is ever written: no password or hash, a key only by its public fingerprint,
/// type and comment.
enum AccountNotices {
    static func passwordChanged(_ account: Account, at time: ShopInstant, by shopper: Shopper?, seller: SellerIdentity) -> String {
        """
        Hello \(account.name),

        The password of your Comptoir account \(account.email) was changed on \(MessageTime.text(time)),
        \(origin(of: shopper)).
        The new password logs you in from now on; the old one no longer does.

        \(notYou(did: "change it", steps: [], seller: seller))

        \(seller.block)
        """
    }

    static func keyAdded(_ key: AccountKey, to account: Account, by shopper: Shopper?, seller: SellerIdentity) -> String {
        """
        Hello \(account.name),

        An SSH key was added to your Comptoir account \(account.email) on \(MessageTime.text(key.addedAt)),
        \(origin(of: shopper)):
          \(describe(type: key.type, fingerprint: key.fingerprint, comment: key.comment))
        It now logs you in to the shop over SSH without your password.

        \(notYou(did: "add it", steps: ["remove the key at once: comptoir account keys remove \(key.fingerprint)", newPasswordStep], seller: seller))

        \(seller.block)
        """
    }

    static func keyRemoved(_ key: AccountKey, from account: Account, at time: ShopInstant, by shopper: Shopper?,
                           seller: SellerIdentity) -> String {
        """
        Hello \(account.name),

        An SSH key was removed from your Comptoir account \(account.email) on \(MessageTime.text(time)),
        \(origin(of: shopper)):
          \(describe(type: key.type, fingerprint: key.fingerprint, comment: key.comment))
        It no longer logs you in.

        \(notYou(did: "remove it", steps: [newPasswordStep, checkKeysStep], seller: seller))

        \(seller.block)
        """
    }

    /// Wrong passwords locked the account: an attempt came through `session` (nil: a command
    /// giving the address); never the password tried.
    static func locked(_ account: Account, until: ShopInstant, failures: Int, at time: ShopInstant, session: String?,
                       seller: SellerIdentity) -> String {
        """
        Hello \(account.name),

        After \(failures) wrong passwords in a row, the last on \(MessageTime.text(time)) \(channel(of: session.map(Shopper.session))),
        your Comptoir account \(account.email) is locked until \(MessageTime.text(until)).
        Until then no one can log in to it, with a password or an SSH key.

        If it was you, wait until then and try again.
        If it was not, someone may be trying to guess your password: once the lock is over, choose
        a new, stronger one (comptoir account password), and tell us straight away at \(seller.contactEmail) or on \(seller.phone).

        \(seller.block)
        """
    }

    /// The welcome's line for the key the customer registered from (over SSH).
    static func registeredKey(_ key: AccountKey) -> String {
        """
        The SSH key you registered from logs you in to the shop over SSH without your password:
          \(describe(type: key.type, fingerprint: key.fingerprint, comment: key.comment))
        See your keys with 'comptoir account keys list'.
        """
    }

    /// `SHA256:… (ssh-ed25519, "zoe@laptop")`: what identifies a public key, never anything secret.
    static func describe(type: String, fingerprint: String, comment: String) -> String {
        let trimmed = comment.trimmingSpaces()
        return trimmed.isEmpty ? "\(fingerprint) (\(type))" : "\(fingerprint) (\(type), \"\(trimmed)\")"
    }

    /// Where a change came from, as far as the session tells: over SSH (with which key, when the
    /// session is a key's), on the shop's own computer, or by a command that gave the account's
    /// address and password.
    static func origin(of shopper: Shopper?) -> String {
        switch shopper {
        case let .session(name)? where name.hasPrefix("ssh:account:"):
            return "over SSH, logged in to your account"
        case let .session(name)? where name.hasPrefix("ssh:"):
            return "over SSH, with the key \(name.dropFirst("ssh:".count))"
        case .account?:
            return "by a comptoir command that gave your e-mail address and password"
        case .session?, nil:
            return channel(of: shopper)
        }
    }

    /// Where an attempt came through, without claiming anyone was logged in.
    static func channel(of shopper: Shopper?) -> String {
        switch shopper {
        case let .session(name)? where name.hasPrefix("ssh:"):
            return "over SSH"
        case .session?:
            return "in the shop on Comptoir's own computer (the terminal shop or the comptoir command)"
        case .account?, nil:
            return "by a comptoir command giving your e-mail address"
        }
    }

    /// What to do when the change was not the customer's own: the steps they can still take, and
    /// the seller's contact (a customer locked out by a changed password can only write or call).
    private static func notYou(did action: String, steps: [String], seller: SellerIdentity) -> String {
        let contact = "tell us straight away at \(seller.contactEmail) or on \(seller.phone), and we will help you get your account back."
        let opening = "If you did not \(action), someone else may be using your account"
        guard !steps.isEmpty else { return "\(opening): \(contact)" }
        return "\(opening):\n" + (steps + [contact]).map { "- \($0)" }.joined(separator: "\n")
    }

    private static let newPasswordStep = "choose a new password: comptoir account password"
    private static let checkKeysStep = "check the keys that log you in: comptoir account keys list"
}
