import Foundation
import NCursesTerminal
import ShopCore

// Temporary entry point of the `tui` branch: `comptoir [--data DIR] [--theme NAME|FILE]` and
// `comptoir themes`. The lead replaces it with the swift-argument-parser command line.
var dataFolder: String?
var theme: String?
var arguments = CommandLine.arguments.dropFirst()
let environment = ProcessInfo.processInfo.environment
if arguments.first == "themes" {
    print(themeListing(environment: environment))
    exit(0)
}
while let argument = arguments.popFirst() {
    switch argument {
    case "--data": dataFolder = arguments.popFirst()
    case "--theme": theme = arguments.popFirst()
    default:
        FileHandle.standardError.write("comptoir: unknown argument '\(argument)': use --data DIR and --theme NAME|FILE\n".data(using: .utf8)!)
        exit(64)
    }
}
let options = ShopLaunchOptions(dataFolder: dataFolder, theme: theme, environment: environment, seed: { DemoCatalogue.products })
exit(runShop(options: options))
