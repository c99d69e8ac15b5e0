/*
 * The sandbox's switches (`--quirk NAME`). Its default is the strict
 * behaviour real Syncro accounts are reported to have (the Syncro API
 * reference, "where real accounts are less kind"); each quirk turns on
 * one behaviour that is reported elsewhere, or the kinder behaviour the
 * sandbox had before. `kind` turns on all the kind ones.
 */
#ifndef SANDBOX_QUIRKS_H
#define SANDBOX_QUIRKS_H

#include <stddef.h>

enum {
	QUIRK_TIMER_IGNORES_PRODUCT = 1 << 0,
	QUIRK_TIMER_UNBILLABLE = 1 << 1,
	QUIRK_INVOICE_FILTER_IGNORED = 1 << 2,
	QUIRK_NO_INVOICED_STATUS = 1 << 3,
	QUIRK_FILL_LINE_PRICE = 1 << 4,
	QUIRK_COMMENT_TIME = 1 << 5,
	QUIRK_CHARGE_LINE_ID = 1 << 6,
	QUIRK_INVOICE_TICKET_ID = 1 << 7,
	QUIRK_FORM_BODIES = 1 << 8,
	QUIRK_KIND = QUIRK_FILL_LINE_PRICE | QUIRK_COMMENT_TIME | QUIRK_CHARGE_LINE_ID |
		QUIRK_INVOICE_TICKET_ID | QUIRK_FORM_BODIES,
};

struct quirk_info {
	const char *name;	/* as given to --quirk */
	unsigned bits;
	const char *what;	/* what the sandbox then does */
	const char *source;	/* who reports it */
};

extern const struct quirk_info quirk_table[];
extern const size_t quirk_table_nr;

/* Add the bits of the quirk called name to *bits; -1 for an unknown name. */
int quirk_parse(const char *name, unsigned *bits);

#endif
