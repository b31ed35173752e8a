import Foundation
import Glibc

/// Runs the real `comptoir` binary on a pseudo-terminal and counts the bytes ncurses writes: the
/// first frame, then each list move (`j`), read until the terminal has been quiet for a while.
struct FrameBytesThroughPty {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var binary: String
    var width: Int
    var height: Int
    var moves: Int

    func measure() throws -> (firstFrame: Int, perMove: [Int]) {
        // Linux devpts directly: grantpt, unlockpt and ptsname are not imported into Swift.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0,  // TIOCSPTLCK
              ioctl(master, 0x8004_5430, &number) == 0 else {  // TIOCGPTN
            throw Failure(description: "cannot open a pseudo-terminal: errno \(errno)")
        }
        defer { close(master) }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("comptoir-pty-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: data) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, slavePath, descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let newSession: Int16 = 0x80  // POSIX_SPAWN_SETSID, not imported into Swift
        posix_spawnattr_setflags(&attributes, newSession)
        let arguments = [binary, "--data", data]
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=/nonexistent"]
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, binary, &actions, &attributes, &argv, &envp)
        close(slave)
        guard status == 0 else { throw Failure(description: "cannot start \(binary): error \(status)") }

        let firstFrame = drain(master, quietMilliseconds: 1500)
        var perMove: [Int] = []
        for _ in 0..<moves {
            write(master, "j", 1)
            perMove.append(drain(master, quietMilliseconds: 150))
        }
        write(master, "q", 1)
        _ = drain(master, quietMilliseconds: 300)
        var exitStatus: Int32 = 0
        waitpid(pid, &exitStatus, 0)
        return (firstFrame, perMove)
    }

    /// Reads everything the program writes until it has said nothing for `quietMilliseconds`.
    private func drain(_ descriptor: Int32, quietMilliseconds: Int32) -> Int {
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while poll(&poller, 1, quietMilliseconds) > 0 {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            total += count
        }
        return total
    }
}
