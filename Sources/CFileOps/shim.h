#ifndef SMGEN_CFILEOPS_SHIM_H
#define SMGEN_CFILEOPS_SHIM_H
// The two file system calls the writer needs that Glibc's Swift module does not declare.
//
// smgen_exchange: exchanges two paths in one step (Linux's renameat2 RENAME_EXCHANGE,
// macOS's renameatx_np RENAME_SWAP). Returns 0, or -1 with errno set (EINVAL or ENOSYS
// where the file system or kernel cannot).
//
// smgen_sync_file_system: writes to disk everything of the file system that holds the open
// file `fd` (Linux's syncfs; fsync of `fd` elsewhere).
#if defined(__linux__)
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>
static inline int smgen_exchange(int from_folder, const char *from, int to_folder, const char *to) {
#if defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, from_folder, from, to_folder, to, 1 << 1);
#else
    errno = ENOSYS;
    return -1;
#endif
}
static inline int smgen_sync_file_system(int fd) { return (int)syscall(SYS_syncfs, fd); }
#elif defined(__APPLE__)
#include <stdio.h>
#include <unistd.h>
static inline int smgen_exchange(int from_folder, const char *from, int to_folder, const char *to) {
    return renameatx_np(from_folder, from, to_folder, to, RENAME_SWAP);
}
static inline int smgen_sync_file_system(int fd) { return fsync(fd); }
#endif
#endif
