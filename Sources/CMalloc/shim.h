#ifndef SMGEN_CMALLOC_SHIM_H
#define SMGEN_CMALLOC_SHIM_H
// glibc's malloc tuning (mallopt); nothing elsewhere.
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#endif
