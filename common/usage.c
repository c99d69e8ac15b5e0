#include "compat.h"
#include "usage.h"

static const char *prog = "syncro";

void set_program_name(const char *name)
{
	prog = name;
}

const char *program_name(void)
{
	return prog;
}

static void report(const char *prefix, const char *fmt, va_list ap, int err)
{
	char msg[4096];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	fflush(stdout);
	if (err)
		fprintf(stderr, "%s%s: %s\n", prefix, msg, strerror(err));
	else
		fprintf(stderr, "%s%s\n", prefix, msg);
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
	exit(code);
}

_Noreturn void die(const char *fmt, ...)
{
	char prefix[64];
	va_list ap;

	die_prefix(prefix, sizeof(prefix));
	va_start(ap, fmt);
	report(prefix, fmt, ap, 0);
	va_end(ap);
	exit(EXIT_ERROR);
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
	exit(EXIT_ERROR);
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("error: ", fmt, ap, 0);
	va_end(ap);
	return -1;
}

int error_errno(const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	report("error: ", fmt, ap, err);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("warning: ", fmt, ap, 0);
	va_end(ap);
}

void hint(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("hint: ", fmt, ap, 0);
	va_end(ap);
}
