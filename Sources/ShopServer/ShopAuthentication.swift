import Dispatch
import NIOCore
import NIOSSH
import ShopCore
import ShopService

/// Who may shop, decided per connection:
/// - a user name that is no account's e-mail (`guest`, say) with any public key is a guest bound
///   to the key's fingerprint: the session `ssh:SHA256:…`, so the same key finds the same cart;
/// - an account's e-mail with a public key registered to that account (`comptoir account keys add`),
///   or with its password (scrypt, the shop's throttle: failures are journaled and lock the account
///   as in the terminal shop), logged in on the session `ssh:account:EMAIL`;
/// - anything else (no key and no password, a wrong password) is refused.
/// The quick halves of a login run on the screens' thread (the store's), the slow scrypt check
/// on a global queue, so no event loop and no screen waits for it.
final class ShopAuthentication: NIOSSHServerUserAuthenticationDelegate {
    private let record: ConnectionRecord
    private let screens: any ShopScreens

    init(record: ConnectionRecord, screens: any ShopScreens) {
        self.record = record
        self.screens = screens
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { [.publicKey, .password] }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        let user = request.username
        let record = self.record
        switch request.request {
        case let .publicKey(key):
            let fingerprint = KeyFingerprint.of(key.publicKey)
            // The key as an account would register it: a guest who registers in the shop gets it.
            let entry = try? PublicKeyLine.parse(String(openSSHPublicKey: key.publicKey))
            screens.perform { service in
                // What other processes committed (an account registered since) counts.
                try? service.store.refresh()
                if service.commerce.account(email: user) != nil {
                    // An account's address: its own registered key logs in (the lock holds); any
                    // other key is refused without counting as a failed login, so the client
                    // may go on to the password.
                    let session = Self.sessionName(user)
                    do throws(ServiceError) {
                        try service.trade(.logInWithKey(email: user, fingerprint: fingerprint, session: session))
                        record.identify(user: user, fingerprint: fingerprint, shopper: .session(session), key: entry)
                        responsePromise.succeed(.success)
                    } catch {
                        responsePromise.succeed(.failure)
                    }
                    return
                }
                record.identify(user: user, fingerprint: fingerprint, shopper: .session("ssh:" + fingerprint), key: entry)
                responsePromise.succeed(.success)
            }
        case let .password(password):
            let screens = self.screens
            let secret = password.password
            screens.perform { service in
                // Refreshes the store first, so an account another process just registered counts.
                let check = service.passwordCheck(email: user)
                let hasher = service.hasher
                guard service.commerce.account(email: user) != nil else {
                    // No such account: the same hashing time as a real check, then refused.
                    DispatchQueue.global().async {
                        _ = check.verify(secret, with: hasher)
                        responsePromise.succeed(.failure)
                    }
                    return
                }
                DispatchQueue.global().async {
                    let right = check.verify(secret, with: hasher)
                    screens.perform { service in
                        do throws(ServiceError) {
                            let session = Self.sessionName(user)
                            try service.finishLogIn(check, verified: right, session: session)
                            record.identify(user: user, fingerprint: nil, shopper: .session(session))
                            responsePromise.succeed(.success)
                        } catch {
                            responsePromise.succeed(.failure)
                        }
                    }
                }
            }
        default:
            responsePromise.succeed(.failure)
        }
    }

    /// The session an account's password login opens over SSH.
    static func sessionName(_ email: String) -> String { "ssh:account:" + email.lowercased() }
}
