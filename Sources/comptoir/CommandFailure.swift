import ArgumentParser
import Foundation
import ShopCore
import ShopService
import ShopStore

/// Process exit statuses, following sysexits(3) where one fits.
enum ExitStatus: Int32 {
    case refused = 1
    /// The order exists but its payment did not go through (declined, wrong or expired code):
    /// pay it again, another way.
    case paymentFailed = 2
    case usage = 64
    case dataError = 65
    case noInput = 66
    case ioError = 74
    /// The store's server (PostgreSQL) cannot be reached: try again when it is back.
    case unavailable = 69
    case inUse = 75
}

/// A one-line failure: printed as `comptoir: message` on standard error, then the process exits with `status`.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let status: ExitStatus

    init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    /// Maps the errors of the domain and the store to a message and an exit status.
    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure:
            self = failure
        case let service as ServiceError:
            switch service {
            case let .store(store): self.init(store)
            case .mailNotWritten, .hashing, .mailbox: self.init(service.description, status: .ioError)
            case .login, .notLoggedIn, .emailTaken, .codeRejected, .passwordChange, .merchant, .weakPassword:
                self.init(service.description, status: .refused)
            }
        case let store as StoreError:
            switch store {
            case let .rejected(shopError): self.init(shopError.description, status: .refused)
            case .locked: self.init(store.description, status: .inUse)
            case .unreachable: self.init(store.description, status: .unavailable)
            default: self.init(store.description, status: .ioError)
            }
        case let shop as ShopError:
            self.init(shop.description, status: .refused)
        case let commerce as CommerceError:
            self.init(commerce.description, status: .refused)
        case let payment as PaymentError:
            self.init(payment.description, status: .refused)
        case let query as QueryError:
            self.init(query.description, status: .dataError)
        case let importError as ImportError:
            self.init(importError.description, status: .dataError)
        default:
            self.init(String(describing: error), status: .ioError)
        }
    }

    var description: String { message }
}

/// One line on standard error, cleaned so that no value quoted in it can drive the terminal or
/// start a second line.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((TextSanitizer.clean(line) + "\n").utf8))
}

extension ParsableCommand {
    /// Runs `body`, turning any failure into one line on standard error and the matching exit status.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let failure = CommandFailure(error)
            printError("comptoir: \(failure.message)")
            throw ExitCode(failure.status.rawValue)
        }
    }
}
