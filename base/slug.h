/*
 * File-name slugs for session logs: "Desert Sun Dental" -> "desert-sun-dental".
 */
#ifndef SYNCRO_SLUG_H
#define SYNCRO_SLUG_H

#include <stddef.h>

#include "sbuf.h"

/*
 * Append the slug of text to out: ASCII letters lowercased and digits kept,
 * every run of anything else (blanks, punctuation, any non-ASCII byte)
 * one dash, no dash at either end. At most max_len bytes (0: no limit),
 * cut at a dash when one is near so words stay whole. When nothing is
 * left, fallback is appended instead. Returns the number of bytes added.
 */
size_t slug_add(struct sbuf *out, const char *text, size_t max_len, const char *fallback);

#endif
