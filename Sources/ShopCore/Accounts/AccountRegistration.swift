/// A registration form that passed every check: name and address, email, password policy, phone.
/// It keeps no password: the caller hashes the password it checked with its `PasswordHasher` and
/// makes the account with `account(id:passwordHash:)`. Whether the email is already taken is the
/// shop state's business.
public struct AccountRegistration: Hashable, Sendable {
    /// The customer's name, also the name on the delivery address.
    public let name: String
    public let email: EmailAddress
    public let address: PostalAddress
    public let phone: PhoneNumber?
    /// Whether the customer ticked "send me offers" (never ticked for them).
    public var marketingConsent = false
    /// The SSH public key the customer is connected with (`comptoir serve`): registered to the new
    /// account in the same commit, so it logs them in next time. Nil outside SSH.
    public var sshKey: PublicKeyEntry?

    /// Checks every field and reports every problem at once. A blank `phone` means none; a
    /// national phone number is read in the address's country.
    public init(
        name: String, email: String, password: String, line1: String, line2: String? = nil, postalCode: String,
        city: String, countryCode: String, phone: String? = nil, policy: PasswordPolicy = .standard
    ) throws(RegistrationError) {
        var problems: [RegistrationProblem] = []
        var address: PostalAddress?
        do throws(PostalAddressError) {
            address = try PostalAddress(
                name: name, line1: line1, line2: line2, postalCode: postalCode, city: city, countryCode: countryCode)
        } catch {
            problems += error.problems.map(RegistrationProblem.address)
        }
        var validEmail: EmailAddress?
        do throws(EmailAddressError) {
            validEmail = try EmailAddress(email)
        } catch {
            problems.append(.email(error))
        }
        do throws(PasswordPolicyError) {
            try policy.check(password, name: name, email: validEmail)
        } catch {
            problems.append(.password(error))
        }
        var validPhone: PhoneNumber?
        if let phone, !phone.trimmingSpaces().isEmpty {
            let country = address?.country ?? Country.named(code: countryCode) ?? .france
            do throws(PhoneNumberError) {
                validPhone = try PhoneNumber(phone, country: country)
            } catch {
                problems.append(.phone(error))
            }
        }
        guard problems.isEmpty, let address, let validEmail else { throw RegistrationError(problems: problems) }
        self.name = address.name
        self.email = validEmail
        self.address = address
        self.phone = validPhone
    }

    /// The new account, with no failed logins.
    public func account(id: AccountID, passwordHash: PasswordHash) -> Account {
        Account(id: id, name: name, email: email, passwordHash: passwordHash, address: address, phone: phone)
    }
}

/// One thing wrong with a registration form.
public enum RegistrationProblem: Equatable, Sendable, CustomStringConvertible {
    case address(PostalAddressProblem)
    case email(EmailAddressError)
    case password(PasswordPolicyError)
    case phone(PhoneNumberError)

    public var description: String {
        switch self {
        case let .address(problem): return problem.description
        case let .email(error): return error.description
        case let .password(error): return error.description
        case let .phone(error): return error.description
        }
    }
}

/// Why a registration was refused: every problem found, name and address first.
public struct RegistrationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let problems: [RegistrationProblem]

    public init(problems: [RegistrationProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
