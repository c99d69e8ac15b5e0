#include "compat.h"
#include <signal.h>
#include "interrupt.h"
#include "usage.h"

static char note[1024];
static volatile sig_atomic_t note_len;
static const int signals[] = {
	SIGINT, SIGTERM,
#ifdef SIGHUP
	SIGHUP,
#endif
};

static void say_and_die(int sig)
{
	ssize_t ignored;

	if (note_len)
		ignored = write(STDERR_FILENO, note, (size_t)note_len);
	(void)ignored;
	signal(sig, SIG_DFL);
	raise(sig);
}

void interrupt_note(const char *fmt, ...)
{
	static int installed;
	va_list ap;
	int n;

	note_len = 0;
	if (!fmt)
		return;
	n = snprintf(note, sizeof(note), "\n%s: ", program_name());
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof(note))
		n += vsnprintf(note + n, sizeof(note) - (size_t)n, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(note) - 1)
		n = (int)sizeof(note) - 2;
	note[n++] = '\n';
	note_len = n;
	/* A signal ignored on purpose (nohup, a background job) stays ignored. */
	if (!installed++)
		for (size_t i = 0; i < ARRAY_SIZE(signals); i++)
			if (signal(signals[i], say_and_die) == SIG_IGN)
				signal(signals[i], SIG_IGN);
}
