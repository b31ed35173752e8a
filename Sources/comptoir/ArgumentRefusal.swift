import ArgumentParser
import Foundation

/// How the command line refuses arguments it cannot read: one line `comptoir: …` on standard
/// error naming what was wrong and where the help is, and exit status 64 — never the parser's
/// own three lines starting "Error:".
enum ArgumentRefusal {
    /// Parses `arguments` as `Comptoir`'s, or reports why not and exits. Help and `--version`
    /// print as usual and exit 0.
    static func parse(_ arguments: [String]) -> ParsableCommand {
        do {
            return try Comptoir.parseAsRoot(arguments)
        } catch {
            if let line = unknownMerchantCommand(arguments) {
                printError(line)
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            // `-1` where a number is expected reads to the parser as an unknown option; read it again
            // as the value it was meant to be, so that the command's own check names the rule.
            if let reread = numbersAsValues(arguments) {
                do {
                    return try Comptoir.parseAsRoot(reread)
                } catch let second {
                    refuse(second, arguments: arguments)
                }
            }
            refuse(error, arguments: arguments)
        }
    }

    /// `merchant` opens the back office when no subcommand is named, so a mistyped one (`merchant
    /// shipp C-1`) reaches the parser as stray words: name it and the subcommands alike instead.
    static func unknownMerchantCommand(_ arguments: [String]) -> String? {
        guard arguments.count >= 2, arguments[0] == MerchantCommand.configuration.commandName else { return nil }
        let word = arguments[1]
        let names = MerchantCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !word.hasPrefix("-"), !names.contains(word) else { return nil }
        let folded = word.lowercased()
        let alike = names.filter { $0.hasPrefix(folded.prefix(3)) || folded.hasPrefix($0) }
        let hint = alike.isEmpty ? "the commands are \(names.joined(separator: ", "))" : "did you mean \(alike.joined(separator: " or "))?"
        return "comptoir: '\(word)' is not a merchant command: \(hint) (see 'comptoir merchant --help')"
    }

    /// Prints the one line and exits with the documented status (help and `--version` print as
    /// usual and exit 0).
    static func refuse(_ error: any Error, arguments: [String]) -> Never {
        let status = Comptoir.exitCode(for: error)
        guard status != .success else { Comptoir.exit(withError: error) }
        let message = Comptoir.message(for: error)
        if message.isEmpty { Foundation.exit(status.rawValue) }
        let line = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        guard status == .validationFailure else {
            // Another error thrown while parsing (from a `validate()`): its message, with the parser's status.
            printError("comptoir: \(lowercasingFirst(line))")
            Foundation.exit(status.rawValue)
        }
        printError("comptoir: \(lowercasingFirst(line)): see '\(commandPath(arguments)) --help'")
        Foundation.exit(ExitStatus.usage.rawValue)
    }

    /// The arguments with each negative number made a value: after an option, `--offset -5` becomes
    /// `--offset=-5`; elsewhere it moves behind `--` (keeping the order of the positionals), so
    /// `cart add SKU -1 --json` reads as `cart add SKU --json -- -1`. Nil when there is nothing to
    /// reread.
    static func numbersAsValues(_ arguments: [String]) -> [String]? {
        guard !arguments.contains("--"), arguments.contains(where: isNegativeNumber) else { return nil }
        var kept: [String] = []
        var positionals: [String] = []
        for argument in arguments {
            guard isNegativeNumber(argument) else {
                kept.append(argument)
                continue
            }
            if let option = kept.last, option.hasPrefix("--"), option.count > 2, !option.contains("=") {
                kept[kept.count - 1] = option + "=" + argument
            } else {
                positionals.append(argument)
            }
        }
        return positionals.isEmpty ? kept : kept + ["--"] + positionals
    }

    static func isNegativeNumber(_ argument: String) -> Bool {
        guard argument.count > 1, argument.first == "-" else { return false }
        let digits = argument.dropFirst()
        return digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") } && digits.first!.isNumber
    }

    /// `comptoir cart add`: the subcommands named in `arguments`, for the help hint.
    static func commandPath(_ arguments: [String]) -> String {
        var names = [Comptoir._commandName]
        var current: ParsableCommand.Type = Comptoir.self
        for argument in arguments {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == argument }) else {
                if argument.hasPrefix("-") { continue } else { break }
            }
            names.append(argument)
            current = next
        }
        return names.joined(separator: " ")
    }

    private static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, text.dropFirst().first?.isUppercase != true else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
