import ShopStore

/// Why the shop could not open its data: the one line printed before exiting with `exitCode`.
struct LaunchProblem: Error, CustomStringConvertible {
    var description: String
    /// 1, or 75 (EX_TEMPFAIL) when another process holds the data folder, as the command line answers.
    var exitCode: Int32 = 1

    init(description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }

    init(_ error: StoreError) {
        if case .locked = error {
            self.init(description: "comptoir: \(error)", exitCode: 75)
        } else {
            self.init(description: "comptoir: \(error)")
        }
    }
}
