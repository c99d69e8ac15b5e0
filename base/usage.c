#include "compat.h"
#include "usage.h"
#include "utf8.h"

static const char *prog = "syncro";
static void (*message_filter)(struct sbuf *msg);
static void (*die_routine)(int code) = exit;

void set_die_routine(void (*routine)(int code))
{
	die_routine = routine ? routine : exit;
}

/* The routine must not return; exit() if it does. */
static _Noreturn void die_exit(int code)
{
	die_routine(code);
	exit(code);
}

void set_message_filter(void (*filter)(struct sbuf *msg))
{
	message_filter = filter;
}

void set_program_name(const char *name)
{
	prog = name;
}

const char *program_name(void)
{
	return prog;
}

/*
 * Messages often quote what the API said (a 422's words, a status, a
 * name): control characters other than newline and tab are made harmless.
 */
static void report_text(const char *prefix, const char *msg, int err)
{
	static int reporting;	/* out of memory while reporting: print it as it is */
	struct sbuf sb = SBUF_INIT, text = SBUF_INIT;

	if (reporting) {
		fprintf(stderr, "%s%s\n", prefix, message_filter ? "(a message)" : msg);
		return;
	}
	reporting = 1;
	sbuf_addstr(&text, msg);
	if (message_filter)
		message_filter(&text);
	sbuf_addstr(&sb, prefix);
	utf8_add_safe(&sb, text.buf, SAFE_LINES);
	sbuf_release(&text);
	if (err)
		sbuf_addf(&sb, ": %s", strerror(err));
	sbuf_addch(&sb, '\n');
	fflush(stdout);
	fwrite(sb.buf, 1, sb.len, stderr);
	sbuf_release(&sb);
	reporting = 0;
}

static void report(const char *prefix, const char *fmt, va_list ap, int err)
{
	struct sbuf msg = SBUF_INIT;

	sbuf_vaddf(&msg, fmt, ap);
	report_text(prefix, msg.buf, err);
	sbuf_release(&msg);
}

static void die_prefix(char *buf, size_t n)
{
	snprintf(buf, n, "%s: ", prog);
}

_Noreturn void die_with(int code, const char *fmt, ...)
{
	char prefix[64];
	va_list ap;

	die_prefix(prefix, sizeof(prefix));
	va_start(ap, fmt);
	report(prefix, fmt, ap, 0);
	va_end(ap);
	die_exit(code);
}

void die_message(const char *msg)
{
	char prefix[64];

	die_prefix(prefix, sizeof(prefix));
	report_text(prefix, msg, 0);
}

_Noreturn void die(const char *fmt, ...)
{
	char prefix[64];
	va_list ap;

	die_prefix(prefix, sizeof(prefix));
	va_start(ap, fmt);
	report(prefix, fmt, ap, 0);
	va_end(ap);
	die_exit(EXIT_ERROR);
}

_Noreturn void die_errno(const char *fmt, ...)
{
	char prefix[64];
	int err = errno;
	va_list ap;

	die_prefix(prefix, sizeof(prefix));
	va_start(ap, fmt);
	report(prefix, fmt, ap, err);
	va_end(ap);
	die_exit(EXIT_ERROR);
}

int error(const char *fmt, ...)
{
	char prefix[64];
	va_list ap;

	die_prefix(prefix, sizeof(prefix));
	va_start(ap, fmt);
	report(prefix, fmt, ap, 0);
	va_end(ap);
	return -1;
}

int error_errno(const char *fmt, ...)
{
	char prefix[64];
	int err = errno;
	va_list ap;

	die_prefix(prefix, sizeof(prefix));
	va_start(ap, fmt);
	report(prefix, fmt, ap, err);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	char prefix[80];
	va_list ap;

	snprintf(prefix, sizeof(prefix), "%s: warning: ", prog);
	va_start(ap, fmt);
	report(prefix, fmt, ap, 0);
	va_end(ap);
}

void hint(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("hint: ", fmt, ap, 0);
	va_end(ap);
}

_Noreturn void bug_fl(const char *file, int line, const char *fmt, ...)
{
	char prefix[256];
	va_list ap;

	snprintf(prefix, sizeof(prefix), "%s: BUG: %s:%d: ", prog, file, line);
	va_start(ap, fmt);
	report(prefix, fmt, ap, 0);
	va_end(ap);
	abort();
}
