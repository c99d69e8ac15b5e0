#include "compat.h"
#include "token-bucket.h"

void token_bucket_refill(struct token_bucket *b, double now, double rate, double capacity)
{
	if (now > b->stamp) {
		b->tokens += (now - b->stamp) * rate;
		b->stamp = now;
	}
	if (b->tokens > capacity)
		b->tokens = capacity;
}

double token_bucket_take(struct token_bucket *b, double now, double rate, double capacity)
{
	token_bucket_refill(b, now, rate, capacity);
	b->tokens -= 1;
	return b->tokens >= 0 ? 0 : -b->tokens / rate;
}

double token_bucket_try(struct token_bucket *b, double now, double rate, double capacity)
{
	token_bucket_refill(b, now, rate, capacity);
	if (b->tokens >= 1) {
		b->tokens -= 1;
		return 0;
	}
	return (1 - b->tokens) / rate;
}
