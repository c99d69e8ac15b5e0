/*
 * A list of strings, owned by the vector (like argv; v[nr] is NULL).
 * strvec_clear() frees every string and the array.
 */
#ifndef SYNCRO_STRVEC_H
#define SYNCRO_STRVEC_H

#include <stddef.h>

struct strvec {
	char **v;
	size_t nr, alloc;
};
#define STRVEC_INIT { NULL, 0, 0 }
void strvec_push(struct strvec *sv, const char *s);
void strvec_pushf(struct strvec *sv, const char *fmt, ...)
	PRINTF_LIKE(2, 3);
void strvec_clear(struct strvec *sv);

#endif
