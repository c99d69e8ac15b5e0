#include "compat.h"
#include <fcntl.h>
#include <math.h>
#include <sys/file.h>
#include <time.h>
#include "cache-dir.h"
#include "config.h"
#include "date.h"
#include "ratelimit.h"
#include "sbuf.h"
#include "token-bucket.h"
#include "xmalloc.h"

double ratelimit_burst(long per_minute)
{
	long burst = per_minute / 6;

	return burst < 1 ? 1 : (double)burst;
}

void ratelimit_bucket_refill(struct token_bucket *b, double now, long per_minute)
{
	token_bucket_refill(b, now, per_minute / 60.0, ratelimit_burst(per_minute));
}

double ratelimit_bucket_take(struct token_bucket *b, double now, long per_minute)
{
	return token_bucket_take(b, now, per_minute / 60.0, ratelimit_burst(per_minute));
}

void ratelimit_bucket_pause(struct token_bucket *b, double now, double seconds, long per_minute)
{
	double level = -seconds * per_minute / 60.0;

	ratelimit_bucket_refill(b, now, per_minute);
	if (b->tokens > 0)
		b->tokens = 0;
	b->tokens += level;
}

void ratelimit_clamp(struct token_bucket *b, double *paused_until, double now, long per_minute)
{
	double floor = -RATELIMIT_MAX_WAIT * per_minute / 60.0;

	if (!isfinite(b->tokens) || !isfinite(b->stamp) || b->stamp > now + 3600) {
		b->tokens = ratelimit_burst(per_minute);
		b->stamp = now;
	}
	if (b->stamp > now)
		b->stamp = now;
	if (b->tokens < floor)
		b->tokens = floor;
	if (b->tokens > ratelimit_burst(per_minute))
		b->tokens = ratelimit_burst(per_minute);
	if (!isfinite(*paused_until) || *paused_until < now)
		*paused_until = 0;
	else if (*paused_until > now + RATELIMIT_MAX_WAIT)
		*paused_until = now + RATELIMIT_MAX_WAIT;
}

char *ratelimit_path(const char *base_url)
{
	char *name = cache_dir_name(base_url);
	char *file = xstrfmt("ratelimit-%s", name);
	char *path = xdg_state_path(file);

	free(file);
	free(name);
	return path;
}

long seconds_up(double seconds)
{
	long whole;

	if (!(seconds > 0))
		return 0;
	if (seconds > RATELIMIT_MAX_WAIT * 1000.0)
		return RATELIMIT_MAX_WAIT * 1000L;
	whole = (long)seconds;
	return whole + ((double)whole < seconds);
}

enum bucket_op { OP_TAKE, OP_PAUSE, OP_PEEK };

/* Lock the file, bring the bucket up to date, apply op, write it back. */
static int update(const char *path, long per_minute, enum bucket_op op,
		  double arg, double *result, int *paused)
{
	struct sbuf text = SBUF_INIT;
	struct token_bucket b;
	double now, paused_until = 0;
	char line[96];
	int fd, n, ret = -1, saved;

	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	while (flock(fd, LOCK_EX) < 0)
		if (errno != EINTR)
			goto out;
	if (sbuf_read_fd(&text, fd) < 0)
		goto out;
	now = clock_now();
	if (sscanf(text.buf, "%lf %lf %lf", &b.tokens, &b.stamp, &paused_until) < 2) {
		b.tokens = ratelimit_burst(per_minute);
		b.stamp = now;
	}
	ratelimit_clamp(&b, &paused_until, now, per_minute);
	switch (op) {
	case OP_TAKE:
		*result = ratelimit_bucket_take(&b, now, per_minute);
		if (paused)
			*paused = paused_until > now;
		break;
	case OP_PAUSE:
		ratelimit_bucket_pause(&b, now, arg, per_minute);
		if (paused_until < now + arg)
			paused_until = now + arg;
		ratelimit_clamp(&b, &paused_until, now, per_minute);
		break;
	case OP_PEEK:
		ratelimit_bucket_refill(&b, now, per_minute);
		*result = b.tokens;
		break;
	}
	n = snprintf(line, sizeof(line), "%.6f %.6f %.6f\n", b.tokens, b.stamp, paused_until);
	if (n < 0 || (size_t)n >= sizeof(line))
		goto out;
	if (pwrite(fd, line, (size_t)n, 0) != n || ftruncate(fd, n) < 0)
		goto out;
	ret = 0;
out:
	saved = errno;
	sbuf_release(&text);
	close(fd);	/* releases the lock */
	errno = saved;
	return ret;
}

int ratelimit_acquire(const char *state_file, long per_minute, double *waited)
{
	double wait = 0;

	if (waited)
		*waited = 0;
	if (per_minute <= 0)
		return 0;
	if (ratelimit_reserve(state_file, per_minute, &wait, NULL))
		return -1;
	sleep_seconds(wait);
	if (waited)
		*waited = wait;
	return 0;
}

int ratelimit_reserve(const char *state_file, long per_minute, double *wait, int *paused)
{
	*wait = 0;
	if (paused)
		*paused = 0;
	if (per_minute <= 0)
		return 0;
	return update(state_file, per_minute, OP_TAKE, 0, wait, paused);
}

int ratelimit_pause(const char *state_file, long per_minute, double seconds)
{
	double unused;

	if (per_minute <= 0)
		return 0;
	return update(state_file, per_minute, OP_PAUSE, seconds, &unused, NULL);
}

int ratelimit_level(const char *state_file, long per_minute, double *tokens)
{
	*tokens = 0;
	if (per_minute <= 0)
		return 0;
	return update(state_file, per_minute, OP_PEEK, 0, tokens, NULL);
}
