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

/* amount with two decimals into buf (MONEY_MAX bytes); returns buf. */
char *money_format(double amount, char *buf, size_t size);

/* amount rounded to the cent, half away from zero. */
double money_round(double amount);

/* Whether two amounts are the same to the cent. */
int money_equal(double a, double b);

#endif
