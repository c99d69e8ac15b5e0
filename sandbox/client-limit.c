#include "compat.h"
#include <math.h>
#include "client-limit.h"
#include "xmalloc.h"

struct rl_client {
	char addr[64];
	double tokens;
	double last;
};

static struct rl_client *find_client(struct ratelimit *rl, const char *addr, double now)
{
	struct rl_client *c;

	for (int i = 0; i < rl->nr; i++)
		if (!strcmp(rl->clients[i].addr, addr))
			return &rl->clients[i];
	ALLOC_GROW(rl->clients, rl->nr + 1, rl->alloc);
	c = &rl->clients[rl->nr++];
	snprintf(c->addr, sizeof(c->addr), "%s", addr);
	c->tokens = (double)rl->limit;
	c->last = now;
	return c;
}

int ratelimit_take(struct ratelimit *rl, const char *addr, double now, long *retry_after)
{
	struct rl_client *c;
	double rate;

	if (rl->limit <= 0)
		return 1;
	c = find_client(rl, addr, now);
	rate = (double)rl->limit / 60.0;
	if (now > c->last) {
		c->tokens += (now - c->last) * rate;
		if (c->tokens > (double)rl->limit)
			c->tokens = (double)rl->limit;
	}
	c->last = now;
	if (c->tokens >= 1.0) {
		c->tokens -= 1.0;
		return 1;
	}
	*retry_after = (long)ceil((1.0 - c->tokens) / rate);
	if (*retry_after < 1)
		*retry_after = 1;
	return 0;
}

void ratelimit_reset(struct ratelimit *rl)
{
	free(rl->clients);
	rl->clients = NULL;
	rl->nr = rl->alloc = 0;
}
