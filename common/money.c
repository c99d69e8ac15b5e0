#include "compat.h"
#include "money.h"

int money_ok(double amount)
{
	return amount >= -MONEY_LIMIT && amount <= MONEY_LIMIT;
}

int money_line(double quantity, double price, double *amount)
{
	*amount = 0;
	if (!(quantity >= -QUANTITY_LIMIT && quantity <= QUANTITY_LIMIT) || !money_ok(price) ||
	    !money_ok(quantity * price))
		return -1;
	*amount = quantity * price;
	return 0;
}

/* Whole cents, without libm; saturated at MONEY_LIMIT, NaN as 0. */
static long long cents(double amount)
{
	if (amount != amount)
		amount = 0;
	else if (amount > MONEY_LIMIT)
		amount = MONEY_LIMIT;
	else if (amount < -MONEY_LIMIT)
		amount = -MONEY_LIMIT;
	return (long long)(amount * 100.0 + (amount >= 0 ? 0.5 : -0.5));
}

double money_round(double amount)
{
	return (double)cents(amount) / 100.0;
}

char *money_format(double amount, char *buf, size_t size)
{
	long long c = cents(amount);

	if (amount != amount) {
		snprintf(buf, size, "?");
		return buf;
	}
	snprintf(buf, size, "%s%s%lld.%02lld",
		 amount > MONEY_LIMIT ? ">" : amount < -MONEY_LIMIT ? "<" : "", c < 0 ? "-" : "",
		 (c < 0 ? -c : c) / 100, (c < 0 ? -c : c) % 100);
	return buf;
}

int money_equal(double a, double b)
{
	return cents(a) == cents(b);
}
