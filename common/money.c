#include "compat.h"
#include "money.h"

/* Whole cents, without libm. */
static long long cents(double amount)
{
	return (long long)(amount * 100.0 + (amount >= 0 ? 0.5 : -0.5));
}

double money_round(double amount)
{
	return (double)cents(amount) / 100.0;
}

char *money_format(double amount, char *buf, size_t size)
{
	long long c = cents(amount);

	snprintf(buf, size, "%s%lld.%02lld", c < 0 ? "-" : "", (c < 0 ? -c : c) / 100,
		 (c < 0 ? -c : c) % 100);
	return buf;
}

int money_equal(double a, double b)
{
	return cents(a) == cents(b);
}
