/*
 * Allocation that dies on out-of-memory. The caller owns (and frees) what
 * every function here returns.
 */
#ifndef SYNCRO_XMALLOC_H
#define SYNCRO_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* realloc for n elements of size, checking the multiplication. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A formatted string, like asprintf. */
char *xstrfmt(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Grow array a (with alloc slots) to hold at least n elements. */
#define ALLOC_GROW(a, n, alloc) do { \
	if ((n) > (alloc)) { \
		(alloc) = (alloc) * 2 + 16 > (n) ? (alloc) * 2 + 16 : (n); \
		(a) = xreallocarray((a), (alloc), sizeof(*(a))); \
	} \
} while (0)

#endif
