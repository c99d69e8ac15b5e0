#include "compat.h"
#include <fcntl.h>
#include <math.h>
#include <sys/file.h>
#include <time.h>
#include "date.h"
#include "ratelimit.h"
#include "sbuf.h"
#include "token-bucket.h"

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

enum bucket_op { OP_TAKE, OP_PAUSE, OP_PEEK };

/* Lock the file, bring the bucket up to date, apply op, write it back. */
static int update(const char *path, long per_minute, enum bucket_op op,
		  double arg, double *result)
{
	struct sbuf text = SBUF_INIT;
	struct token_bucket b;
	double now;
	char line[64];
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
	if (sscanf(text.buf, "%lf %lf", &b.tokens, &b.stamp) != 2 ||
	    !isfinite(b.tokens) || !isfinite(b.stamp) || b.stamp > now + 3600) {
		b.tokens = ratelimit_burst(per_minute);
		b.stamp = now;
	}
	switch (op) {
	case OP_TAKE:
		*result = ratelimit_bucket_take(&b, now, per_minute);
		break;
	case OP_PAUSE:
		ratelimit_bucket_pause(&b, now, arg, per_minute);
		break;
	case OP_PEEK:
		ratelimit_bucket_refill(&b, now, per_minute);
		*result = b.tokens;
		break;
	}
	n = snprintf(line, sizeof(line), "%.6f %.6f\n", b.tokens, b.stamp);
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
	if (update(state_file, per_minute, OP_TAKE, 0, &wait))
		return -1;
	sleep_seconds(wait);
	if (waited)
		*waited = wait;
	return 0;
}

int ratelimit_pause(const char *state_file, long per_minute, double seconds)
{
	double unused;

	if (per_minute <= 0)
		return 0;
	return update(state_file, per_minute, OP_PAUSE, seconds, &unused);
}

int ratelimit_level(const char *state_file, long per_minute, double *tokens)
{
	*tokens = 0;
	if (per_minute <= 0)
		return 0;
	return update(state_file, per_minute, OP_PEEK, 0, tokens);
}
