import ShopStore

/// Why the shop could not open its data: the one line printed before exiting with `exitCode`.
struct LaunchProblem: Error, CustomStringConvertible {
    var description: String
    /// 75 (EX_TEMPFAIL, as the command line) when the data folder stayed busy; 1 otherwise.
    var exitCode: Int32 = 1

    init(description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }

    init(storeError: StoreError) {
        if case .locked = storeError {
            self.init(description: "comptoir: \(storeError)", exitCode: 75)
        } else if case .unreachable = storeError {
            self.init(description: "comptoir: \(storeError)", exitCode: 69)
        } else {
            self.init(description: "comptoir: \(storeError)")
        }
    }
}
