import Foundation
import ShopCore
import ShopStore
import Testing

/// Many `comptoir` processes on one data folder at once, as a shop with several terminals, a cash agent
/// and a courier has it: every acknowledged write lands exactly once, none is refused for a busy folder.
@Suite("One data folder, many processes", .serialized)
struct SharedFolderProcessTests {
    /// A shell loop started in the background; its output is read when it ends.
    final class ShellLoop {
        let process = Process()
        private let output = Pipe()
        private var collected = Data()
        private let reader = DispatchGroup()

        init(_ script: String, environment: [String: String] = [:]) throws {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
                       "COMPTOIR": ComptoirProcess.binary.path]
            env.merge(environment) { $1 }
            process.environment = env
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            reader.enter()
            let handle = output.fileHandleForReading
            let box = DataBox()
            DispatchQueue.global().async { [reader] in
                box.data = handle.readDataToEndOfFile()
                reader.leave()
            }
            self.box = box
        }

        private let box: DataBox!

        /// Waits for the loop to end; its exit status and everything it printed.
        func finish() -> (status: Int32, output: String) {
            reader.wait()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: box.data, as: UTF8.self))
        }
    }

    final class DataBox: @unchecked Sendable { var data = Data() }

    private func shopTimeOffset(_ data: TemporaryFolder) throws -> Int64 {
        try Store.open(DataFolder(path: data.path), access: .readOnly) { [] }.state.commerce.clockOffsetSeconds
    }

    private func expectVerifies(_ data: TemporaryFolder) throws {
        let verify = try ComptoirProcess.run(["store", "verify", "--data", data.path])
        #expect(verify.status == 0, "store verify: \(verify.stdout)\(verify.stderr)")
    }

    /// `writers` loops of `commands` commands each, all at once; every command must succeed.
    private func runWriters(_ writers: Int, commands: Int, _ command: String, in data: TemporaryFolder) throws -> [ShellLoop] {
        try (0..<writers).map { writer in
            try ShellLoop("""
                for i in $(seq \(commands)); do
                  "$COMPTOIR" \(command.replacingOccurrences(of: "WRITER", with: "\(writer)")) --data '\(data.path)' >/dev/null 2>/tmp/comptoir-shared-$$.err \
                    || { echo "writer \(writer) command $i failed with $?: $(cat /tmp/comptoir-shared-$$.err)"; }
                done
                rm -f /tmp/comptoir-shared-$$.err
                """)
        }
    }

    /// 8 processes × 200 clock advances of one minute, interleaved: the shop's clock moved exactly
    /// 1,600 minutes, and the folder verifies clean.
    @Test func eightWritersOfTwoHundredCommandsLoseNothing() throws {
        let commands = Int(ProcessInfo.processInfo.environment["COMPTOIR_SHARED_COMMANDS"] ?? "") ?? 200
        let data = try TemporaryFolder()
        #expect(try ComptoirProcess.run(["courier", "advance", "--minutes", "1", "--data", data.path]).status == 0)
        let loops = try runWriters(8, commands: commands, "courier advance --minutes 1", in: data)
        for loop in loops {
            let outcome = loop.finish()
            #expect(outcome.status == 0)
            #expect(outcome.output.isEmpty, "\(outcome.output)")
        }
        #expect(try shopTimeOffset(data) == Int64(1 + 8 * commands) * 60)
        try expectVerifies(data)
    }

    /// Snapshots and compactions run by other processes while four write: nothing is lost.
    @Test func snapshotsAndCompactionsWhileOthersWriteKeepEverything() throws {
        let data = try TemporaryFolder()
        #expect(try ComptoirProcess.run(["courier", "advance", "--minutes", "1", "--data", data.path]).status == 0)
        let writers = try runWriters(4, commands: 60, "courier advance --minutes 1", in: data)
        let maintenance = try ShellLoop("""
            for i in $(seq 30); do
              "$COMPTOIR" store compact --data '\(data.path)' >/dev/null || echo "compact $i failed with $?"
              "$COMPTOIR" store snapshot --data '\(data.path)' >/dev/null || echo "snapshot $i failed with $?"
            done
            """)
        for loop in writers + [maintenance] {
            let outcome = loop.finish()
            #expect(outcome.status == 0)
            #expect(outcome.output.isEmpty, "\(outcome.output)")
        }
        #expect(try shopTimeOffset(data) == Int64(1 + 4 * 60) * 60)
        try expectVerifies(data)
    }

    /// Seven writers each set their own cart line 1, 2, 3… while an eighth is killed (SIGKILL) at random
    /// moments of its commands: every acknowledged quantity is there, the killed writer's line holds its
    /// last acknowledged quantity or one of the killed attempts after it, no one was refused as busy.
    @Test func aWriterKilledMidCommitLosesNoAcknowledgedWrite() throws {
        let data = try TemporaryFolder()
        let products = (0..<8).map { #"{"id": \#($0 + 1), "sku": "W-\#($0)", "title": "Writer \#($0)", "price": 2.5, "stock": 100000, "category": "test"}"# }
        let file = try data.write("writers.json", "[" + products.joined(separator: ",") + "]")
        #expect(try ComptoirProcess.run(["import", file, "--data", data.path]).status == 0)
        let steady = 7
        let steps = 40
        let loops = try (0..<steady).map { writer in
            try ShellLoop("""
                for q in $(seq \(steps)); do
                  if "$COMPTOIR" cart set W-\(writer) $q --data '\(data.path)' >/dev/null 2>&1; then echo "ack $q"; else echo "failed $q with $?"; fi
                done
                """)
        }
        var random = SplitMix64(seed: 20_261_204)
        var lastAcknowledged = 0
        var killedAfterLastAcknowledged: Set<Int> = []
        var kills = 0
        var killsHoldingTheLock = 0
        var quantity = 0
        while loops.contains(where: { $0.process.isRunning }) || kills == 0, quantity < 400 {
            quantity += 1
            let arguments = ["cart", "set", "W-7", "\(quantity)", "--data", data.path]
            // Every other command is killed the moment it holds the writers' lock (mid-commit), the
            // others at a random moment of their life.
            let outcome = quantity % 2 == 0
                ? try killWhileHoldingTheLock(arguments, lock: data.path + "/lock")
                : try ChildProcess.runKilling(arguments, afterMicroseconds: UInt32(random.next() % 500_000))
            if outcome == .killed, quantity % 2 == 0 { killsHoldingTheLock += 1 }
            switch outcome {
            case .exited(0):
                lastAcknowledged = quantity
                killedAfterLastAcknowledged = []
            case .killed:
                kills += 1
                killedAfterLastAcknowledged.insert(quantity)
            case let .exited(status):
                Issue.record("the killed writer's command \(quantity) failed with status \(status)")
            }
        }
        for (writer, loop) in loops.enumerated() {
            let outcome = loop.finish()
            let acknowledged = outcome.output.split(separator: "\n").filter { $0.hasPrefix("ack ") }
            #expect(acknowledged.count == steps, "writer \(writer): \(outcome.output)")
        }
        // A writable command cuts a torn tail the last kill may have left.
        #expect(try ComptoirProcess.run(["store", "snapshot", "--data", data.path]).status == 0)
        let cart = try Store.open(DataFolder(path: data.path), access: .readOnly) { [] }.state.cart(of: .local)
        for writer in 0..<steady {
            #expect(cart.quantity(of: "W-\(writer)") == steps, "W-\(writer)")
        }
        let victim = cart.quantity(of: "W-7")
        #expect(victim == lastAcknowledged || killedAfterLastAcknowledged.contains(victim),
                "W-7 holds \(victim); last acknowledged \(lastAcknowledged), killed after it: \(killedAfterLastAcknowledged.sorted())")
        #expect(kills > 0)
        try expectVerifies(data)
        #expect(killsHoldingTheLock > 0)
        print("shared folder kill test: \(kills) kills (\(killsHoldingTheLock) holding the lock) among \(quantity) commands of the killed writer, \(steady * steps) acknowledged writes of the others, 0 lost")
    }

    /// While another process holds the lock, a command waits for it (seen waiting in /proc/locks)
    /// and goes through once it is released.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/locks")))
    func aCommandWaitsForTheLockInsteadOfFailing() throws {
        let data = try TemporaryFolder()
        #expect(try ComptoirProcess.run(["courier", "advance", "--minutes", "1", "--data", data.path]).status == 0)
        let lockFile = open(data.path + "/lock", O_RDWR)
        #expect(lockFile >= 0)
        defer { close(lockFile) }
        #expect(flock(lockFile, LOCK_EX | LOCK_NB) == 0)
        var info = stat()
        #expect(fstat(lockFile, &info) == 0)

        let waiting = try ShellLoop(#""$COMPTOIR" courier advance --minutes 1 --data '\#(data.path)'; echo "status $?""#)
        let blocked = try waitUntil(timeout: 10) {
            let locks = (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
            return locks.split(separator: "\n").contains { $0.contains("->") && $0.contains(":\(info.st_ino) ") }
        }
        #expect(blocked, "the command never waited for the lock")
        #expect(waiting.process.isRunning)
        flock(lockFile, LOCK_UN)
        let outcome = waiting.finish()
        #expect(outcome.output.hasSuffix("status 0\n"), "\(outcome.output)")
        #expect(try shopTimeOffset(data) == 2 * 60)
    }

    /// Runs `comptoir` and kills it (SIGKILL) as soon as /proc/locks shows it holding the lock on
    /// `lock`, unless it ends first.
    private func killWhileHoldingTheLock(_ arguments: [String], lock: String) throws -> ChildProcess.Outcome {
        let process = Process()
        process.executableURL = ComptoirProcess.binary
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var info = stat()
        guard stat(lock, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        try process.run()
        let holder = " \(process.processIdentifier) "
        let inode = ":\(info.st_ino) "
        while process.isRunning {
            let locks = (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
            if locks.split(separator: "\n").contains(where: { !$0.contains("->") && $0.contains(holder) && $0.contains(inode) }) {
                kill(process.processIdentifier, SIGKILL)
                break
            }
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? .killed : .exited(process.terminationStatus)
    }

    private func waitUntil(timeout seconds: Double, _ condition: () -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}
