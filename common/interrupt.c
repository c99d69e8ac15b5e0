#include "compat.h"
#include <signal.h>
#include "interrupt.h"
#include "usage.h"

static char note[INTERRUPT__NR][1024];
static volatile sig_atomic_t note_len[INTERRUPT__NR];
static const int signals[] = {
	SIGINT, SIGTERM,
#ifdef SIGHUP
	SIGHUP,
#endif
};

static void say_and_die(int sig)
{
	ssize_t ignored;

	for (int i = 0; i < INTERRUPT__NR; i++)
		if (note_len[i])
			ignored = write(STDERR_FILENO, note[i], (size_t)note_len[i]);
	(void)ignored;
	signal(sig, SIG_DFL);
	raise(sig);
}

void interrupt_note_in(enum interrupt_slot slot, const char *fmt, ...)
{
	static int installed;
	char *buf = note[slot];
	size_t size = sizeof(note[slot]);
	va_list ap;
	int n;

	note_len[slot] = 0;
	if (!fmt)
		return;
	n = snprintf(buf, size, "\n%s: ", program_name());
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < size)
		n += vsnprintf(buf + n, size - (size_t)n, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= size - 1)
		n = (int)size - 2;
	buf[n++] = '\n';
	note_len[slot] = n;
	/* A signal ignored on purpose (nohup, a background job) stays ignored. */
	if (!installed++)
		for (size_t i = 0; i < ARRAY_SIZE(signals); i++)
			if (signal(signals[i], say_and_die) == SIG_IGN)
				signal(signals[i], SIG_IGN);
}
