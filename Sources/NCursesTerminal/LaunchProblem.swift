/// Why the shop could not open its data: the one line printed before exiting 1.
struct LaunchProblem: Error, CustomStringConvertible {
    var description: String
}
