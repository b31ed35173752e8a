@preconcurrency import Glibc

/// The last SIGINT, SIGTERM or SIGHUP (the terminal closed) received, set by the handler and
/// read by the main loop, which then closes the store, restores the terminal and removes a demo's
/// temporary folder. A lock-free word is all a signal handler may touch.
nonisolated(unsafe) private var pendingSignal: sig_atomic_t = 0

enum SignalWatch {
    /// Installs the handlers without SA_RESTART, so a blocked key read returns at once; installed
    /// before ncurses starts, which then leaves SIGINT and SIGTERM to us.
    static func install() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in pendingSignal = received }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    static var received: Int32? { pendingSignal == 0 ? nil : pendingSignal }
}
