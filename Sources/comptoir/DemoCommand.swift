import ArgumentParser
import Foundation
import NCursesTerminal
import ShopCore
import ShopTUI

extension DemoPace: ExpressibleByArgument {}

/// `comptoir demo`: the whole purchase played by itself in the terminal, in a throw-away shop.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a whole purchase by itself in the terminal: search, checkout, 3-D Secure, delivery, return.",
        discussion: """
            Runs in a throw-away shop (a temporary folder, removed at exit) with shop time running fast \
            so the parcel arrives on screen. Any key pauses and resumes; q ends. 'fast' takes under a \
            minute and exits when done, printing the order delivered and returned; a step that does not \
            reach its screen in time ends the demo with exit status 1.
            """)

    @Option(help: ArgumentHelp("slow, normal (a pace to talk over, 2 to 4 minutes) or fast (under a minute).", valueName: "PACE"))
    var pace: DemoPace = .normal

    @Option(help: ArgumentHelp("A bundled or user theme name, or the path of a theme file.", valueName: "NAME|FILE"))
    var theme: String?

    func run() throws {
        var options = ShopLaunchOptions(
            dataFolder: nil, theme: theme, environment: ProcessInfo.processInfo.environment, seed: { DemoCatalogue.products })
        options.demo = .autoplay(pace)
        options.clockSpeed = pace.clockSpeed
        let status = MainActor.assumeIsolated { runShop(options: options) }
        if status != 0 { throw ExitCode(status) }
    }
}
