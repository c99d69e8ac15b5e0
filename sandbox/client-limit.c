#include "compat.h"
#include <math.h>
#include "client-limit.h"
#include "token-bucket.h"
#include "xmalloc.h"

struct client_bucket {
	char addr[64];
	struct token_bucket bucket;
};

static struct client_bucket *find_client(struct client_limit *rl, const char *addr, double now)
{
	struct client_bucket *c;

	for (int i = 0; i < rl->nr; i++)
		if (!strcmp(rl->clients[i].addr, addr))
			return &rl->clients[i];
	ALLOC_GROW(rl->clients, rl->nr + 1, rl->alloc);
	c = &rl->clients[rl->nr++];
	snprintf(c->addr, sizeof(c->addr), "%s", addr);
	c->bucket.tokens = (double)rl->limit;
	c->bucket.stamp = now;
	return c;
}

int client_limit_take(struct client_limit *rl, const char *addr, double now, long *retry_after)
{
	struct client_bucket *c;
	double wait;

	if (rl->limit <= 0)
		return 1;
	c = find_client(rl, addr, now);
	wait = token_bucket_try(&c->bucket, now, (double)rl->limit / 60.0, (double)rl->limit);
	if (wait == 0)
		return 1;
	*retry_after = (long)ceil(wait);
	if (*retry_after < 1)
		*retry_after = 1;
	return 0;
}

void client_limit_reset(struct client_limit *rl)
{
	free(rl->clients);
	rl->clients = NULL;
	rl->nr = rl->alloc = 0;
}
