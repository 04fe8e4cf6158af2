#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H

#include <stddef.h>
/* Debian's zlib (zlib1g-dev): gzip files are read through inflate. */
#include <zlib.h>

/* Glibc's Swift module hides these GNU functions (they need _GNU_SOURCE). EventSources uses the
   byte searches to skip log lines without an event. */
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
extern void *memrchr(const void *s, int c, size_t n);

#endif
