#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lets many threads write files into a staging tree at once, and one thread at a time
/// take the tree away from them (to commit it, or to remove it when the process is
/// interrupted): a read-write lock, files being the readers.
final class WriteGate: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
    /// Set once the tree was taken away: no file may be written into it after.
    private var closed = false

    init() {
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    /// Runs `write` unless the tree was taken away; false then.
    func whileOpen(_ write: () throws -> Void) rethrows -> Bool {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        if closed { return false }
        try write()
        return true
    }

    /// Runs `take` with no file being written; `close` keeps every later write out.
    func exclusively<Result>(close: Bool, _ take: () throws -> Result) rethrows -> Result {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        if close { closed = true }
        return try take()
    }
}
