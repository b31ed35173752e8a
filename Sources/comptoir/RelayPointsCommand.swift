import ArgumentParser
import Foundation
import ShopCore

/// `comptoir relay-points [POSTAL_CODE]`: the relay points a relay order may go to, nearest the
/// postal code first, with the IDs `checkout --relay-point` takes.
struct RelayPointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relay-points",
        abstract: "List the relay points for relay delivery, nearest a postal code first (IDs for 'checkout --relay-point').")

    @Argument(help: ArgumentHelp("Postal code to search near; without it, every relay point.", valueName: "POSTAL_CODE"))
    var postalCode: String?
    @Flag(help: "Print the relay points as JSON.") var json = false

    func run() throws {
        try reportingFailures {
            var points = RelayPoint.directory
            if let postalCode {
                let code = postalCode.trimmingCharacters(in: .whitespaces)
                guard !code.isEmpty, code.count <= 10, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    throw CommandFailure("\(Quote.value(postalCode)) is not a postal code: give its digits, such as 75011", status: .usage)
                }
                points = RelayPoint.nearest(to: code, count: RelayPoint.choices)
            }
            if json {
                printJSON(.array(points.enumerated().map { Self.json($1, rank: postalCode == nil ? nil : $0 + 1) }))
                return
            }
            var table = TextTable([
                .init(title: "#", alignment: .right), .init(title: "ID"), .init(title: "Name"), .init(title: "Address"),
                .init(title: "Opening hours"),
            ])
            for (index, point) in points.enumerated() {
                table.add([postalCode == nil ? "" : "\(index + 1)", point.id, point.name, point.address, point.openingHours])
            }
            printText(table.rendered())
        }
    }

    /// A relay point for programs; `rank` 1 is the nearest the postal code asked about.
    static func json(_ point: LocalPlace, rank: Int?) -> JSONValue {
        .object([
            ("id", .string(point.id)), ("rank", .optional(rank) { .int($0) }), ("name", .string(point.name)),
            ("street", .string(point.street)), ("postal_code", .string(point.postalCode)), ("city", .string(point.city)),
            ("opening_hours", .string(point.openingHours)),
        ])
    }
}
