import ArgumentParser
import Foundation
import NCursesTerminal

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes: bundled ones and yours in $XDG_CONFIG_HOME/comptoir/themes.")

    func run() throws {
        printText(themeListing(environment: ProcessInfo.processInfo.environment))
    }
}
