/*
 * A growable string. The buffer is never NULL: an empty sbuf points at a
 * shared "" until something is added, so sb.buf is always a valid C string.
 * The sbuf owns its buffer; sbuf_release() frees it, sbuf_detach() hands it
 * to the caller.
 */
#ifndef SYNCRO_SBUF_H
#define SYNCRO_SBUF_H

#include <stdarg.h>
#include <stddef.h>

/* The string list travels with the string buffer: every includer of one may use both. */
#include "strvec.h"

struct sbuf {
	size_t alloc;
	size_t len;
	char *buf;
};

extern char sbuf_empty[];
#define SBUF_INIT { 0, 0, sbuf_empty }

void sbuf_init(struct sbuf *sb, size_t hint);
void sbuf_release(struct sbuf *sb);
/* The buffer, now owned by the caller (never NULL); sb is left empty. */
char *sbuf_detach(struct sbuf *sb, size_t *len);
void sbuf_grow(struct sbuf *sb, size_t extra);
void sbuf_setlen(struct sbuf *sb, size_t len);
#define sbuf_reset(sb) sbuf_setlen((sb), 0)

void sbuf_add(struct sbuf *sb, const void *data, size_t len);
void sbuf_addstr(struct sbuf *sb, const char *s);
void sbuf_addch(struct sbuf *sb, int c);
void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
	PRINTF_LIKE(2, 3);
void sbuf_vaddf(struct sbuf *sb, const char *fmt, va_list ap);

/* Remove white space at both ends. */
void sbuf_trim(struct sbuf *sb);
/* Read all of fd (or the file at path) onto the end; -1 with errno on error. */
int sbuf_read_fd(struct sbuf *sb, int fd);
int sbuf_read_file(struct sbuf *sb, const char *path);

#endif
