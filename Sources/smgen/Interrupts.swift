import Foundation
import SMGenCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the process does on SIGINT, SIGTERM or SIGHUP: removes what a render staged and
/// did not commit, then exits with 128 + the signal's number (130 for Ctrl-C, 143 for
/// SIGTERM). The signals are blocked in every thread and taken by one thread of their own,
/// so the removal runs as ordinary code, never inside a signal handler.
enum Interrupts {
    /// Must run before any other thread starts: threads inherit the blocked signals.
    static func handle() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let blocked = signals
        let thread = Thread {
            var signals = blocked
            var signal: Int32 = 0
            guard sigwait(&signals, &signal) == 0 else { return }
            OutputWriter.abandonAll()
            _exit(128 + signal)
        }
        thread.start()
    }
}
