import Foundation

/// A customer's data folder and the runs of `comptoir` on it.
struct Shopper {
    let folder: TemporaryFolder
    var home: String { folder.url.appendingPathComponent("shop").path }
    var password = "Tilleul-et-verveine-42"

    init() throws { folder = try TemporaryFolder() }

    var environment: [String: String] { ["COMPTOIR_HOME": home, "COMPTOIR_PASSWORD": password] }

    @discardableResult
    func run(_ arguments: String...) throws -> ComptoirProcess.Outcome {
        try ComptoirProcess.run(arguments, environment: environment)
    }

    func json(_ arguments: String...) throws -> [String: Any] {
        let outcome = try ComptoirProcess.run(arguments, environment: environment)
        return try parseJSON(outcome.stdout)
    }

    func register(email: String = "zoe@example.fr") throws {
        let outcome = try run("account", "register", "--name", "Zoë Martin", "--email", email,
                              "--line1", "12 rue des Lilas", "--postal-code", "75011", "--city", "Paris")
        precondition(outcome.status == 0, outcome.stderr)
    }

    /// The 3-D Secure codes in the messages, oldest first.
    func codes() throws -> [String] {
        let outcome = try run("messages", "--json", "--kind", "3ds-code")
        let list = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]] ?? []
        return list.compactMap { $0["code"] as? String }
    }

    func messageKinds() throws -> [String] {
        let outcome = try run("messages", "--json")
        let list = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]] ?? []
        return list.compactMap { $0["kind"] as? String }
    }

    func order(_ number: String) throws -> [String: Any] { try json("order", "show", number, "--json") }

    /// Advances shop time by `hours` steps until `field` of the order is `value`, at most 40 steps.
    func advance(_ number: String, until field: String, is value: String, hours: Int = 12) throws -> Bool {
        for _ in 0..<40 {
            if try order(number)[field] as? String == value { return true }
            try run("courier", "advance", "--hours", String(hours))
        }
        return try order(number)[field] as? String == value
    }

    /// Every byte of every file under the data folder.
    func allFileBytes() throws -> [(String, Data)] {
        var files: [(String, Data)] = []
        let enumerator = FileManager.default.enumerator(atPath: home)
        while let relative = enumerator?.nextObject() as? String {
            let path = home + "/" + relative
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files.append((relative, try Data(contentsOf: URL(fileURLWithPath: path))))
            }
        }
        return files
    }
}

/// The first ```bash block of README.md's "Scripted purchase" section.
func scriptedPurchaseBlock() throws -> String {
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    guard let section = readme.range(of: "## Scripted purchase") else { throw CocoaError(.fileReadCorruptFile) }
    let rest = readme[section.upperBound...]
    guard let start = rest.range(of: "```bash\n"), let end = rest[start.upperBound...].range(of: "```") else {
        throw CocoaError(.fileReadCorruptFile)
    }
    return String(rest[start.upperBound..<end.lowerBound])
}

/// Runs `script` with bash, `comptoir` first on the PATH.
func runBash(_ script: String, environment: [String: String]) throws -> ComptoirProcess.Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    let binFolder = ComptoirProcess.binary.deletingLastPathComponent().path
    var env = ["PATH": binFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"), "LANG": "en_US.UTF-8"]
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    group.enter()
    DispatchQueue.global().async {
        outData = out.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return .init(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                 stderr: String(decoding: errData, as: UTF8.self))
}

/// Reads every message of a Maildir with Python's `mailbox.Maildir` and `email` (policy default)
/// and fails on any defect, a non-UTF-8 body or a missing header.
func pythonReadsMaildir(_ path: String) throws -> (Int32, String) {
    let script = #"""
    import email, email.policy, mailbox, sys
    box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
    problems, count = [], 0
    for key in box.keys():
        raw = box.get_bytes(key)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        count += 1
        for header in ("Date", "From", "To", "Subject", "Message-ID"):
            if message[header] is None:
                problems.append(f"{key}: no {header}")
        if message.defects:
            problems.append(f"{key}: {message.defects}")
        for name, value in message.items():
            if getattr(value, "defects", None):
                problems.append(f"{key}: {name}: {value.defects}")
        body = message.get_content()
        if not body.strip():
            problems.append(f"{key}: empty body")
    print("\n".join(problems))
    print(f"checked {count} messages")
    sys.exit(1 if problems or count == 0 else 0)
    """#
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, report)
}
