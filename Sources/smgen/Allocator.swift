#if canImport(Glibc)
    import CMalloc
#endif

/// How this process uses memory, told to glibc's malloc before any thread starts. A large
/// org's render grows to ~100 MB, most of it kept to the end.
/// By default each arena grows a few pages at a time, one `brk` or `mprotect` call each
/// (thousands a render, each taking the address-space lock the other core's page faults
/// wait on), buffers over 128 KB are mapped and unmapped one by one, and freed memory at the
/// top of the heap goes back to the system to be faulted in again. Instead: grow 64 MB at a
/// time (address space only: pages are still touched only when used), take buffers up to
/// 4 MB from the heap, and hand nothing back before exit.
enum Allocator {
    static func configure() {
        #if canImport(Glibc)
            _ = mallopt(M_TOP_PAD, 64 << 20)
            _ = mallopt(M_MMAP_THRESHOLD, 4 << 20)
            _ = mallopt(M_TRIM_THRESHOLD, 1 << 30)
        #endif
    }
}
