#include "compat.h"
#include "slug.h"

static int slug_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

size_t slug_add(struct sbuf *out, const char *text, size_t max_len, const char *fallback)
{
	size_t start = out->len;
	int dash = 0, mid_word = 0;

	for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++) {
		unsigned char c = *p >= 'A' && *p <= 'Z' ? (unsigned char)(*p - 'A' + 'a') : *p;

		if (!slug_char(c)) {
			dash = out->len > start;
			continue;
		}
		if (max_len && out->len - start + (size_t)dash + 1 > max_len) {
			mid_word = !dash;
			break;
		}
		if (dash)
			sbuf_addch(out, '-');
		sbuf_addch(out, (char)c);
		dash = 0;
	}
	/* A word cut short goes, unless that would lose more than half. */
	if (mid_word) {
		const char *last = strrchr(out->buf + start, '-');

		if (last && (size_t)(last - (out->buf + start)) >= max_len / 2)
			sbuf_setlen(out, (size_t)(last - out->buf));
	}
	if (out->len == start)
		sbuf_addstr(out, fallback ? fallback : "");
	return out->len - start;
}
