/*
 * Money as people read it: one format for every verb, two decimals
 * ("150.00", "62.50", "-3.10"). Amounts come from the API as numbers
 * (ticket lines' price_retail) or decimal strings (invoices' "150.0").
 */
#ifndef SYNCRO_MONEY_H
#define SYNCRO_MONEY_H

#include <stddef.h>

/* Enough for any double printed with two decimals that money can be. */
#define MONEY_MAX 48

/*
 * Past MONEY_LIMIT either way (a hundred billion) an amount is not money:
 * no line, invoice or total comes near. JSON numbers stop at
 * JSON_NUMBER_MAX (1e12), but a quantity times a price of such numbers
 * reaches 1e24, past any whole number of cents: code that bills refuses
 * such amounts first (money_line); here they are saturated, never
 * undefined.
 */
#define MONEY_LIMIT 1e11
/* The most a line can count (a million hours, or items). */
#define QUANTITY_LIMIT 1e6

/* Whether amount is within MONEY_LIMIT either way (NaN is not). */
int money_ok(double amount);
/*
 * quantity * price into *amount, 0 when quantity is within QUANTITY_LIMIT
 * and price and the product within MONEY_LIMIT; -1 otherwise.
 */
int money_line(double quantity, double price, double *amount);

/*
 * amount with two decimals into buf (MONEY_MAX bytes); returns buf. An
 * amount past MONEY_LIMIT is written as the limit, marked: ">100000000000.00"
 * or "<-100000000000.00"; NaN as "?".
 */
char *money_format(double amount, char *buf, size_t size);

/* amount rounded to the cent, half away from zero. */
double money_round(double amount);

/* Whether two amounts are the same to the cent. */
int money_equal(double a, double b);

#endif
