#include "compat.h"
#include "quote.h"

static int needs_quotes(const char *s)
{
	if (!*s)
		return 1;
	for (; *s; s++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789-_./=:,+@%", *s))
			return 1;
	return 0;
}

void shell_quote(struct sbuf *sb, const char *arg)
{
	if (!needs_quotes(arg)) {
		sbuf_addstr(sb, arg);
		return;
	}
	sbuf_addch(sb, '\'');
	for (; *arg; arg++) {
		if (*arg == '\'')
			sbuf_addstr(sb, "'\\''");
		else
			sbuf_addch(sb, *arg);
	}
	sbuf_addch(sb, '\'');
}
