/*
 * What a verb prints to stdout, decided in one place: the terminal's
 * width, whether to colour, --json, the pager, and the ticket summary line
 * shared by `syncro list`, `search` and `customers ID`.
 *
 * Environment: COLUMNS (a positive number) wins over the terminal's width;
 * SYNCRO_COLOR=always|never overrides the colour decision (for tests and
 * for `watch -c`); NO_COLOR (non-empty) and TERM=dumb turn colour off;
 * PAGER (empty or "cat": none; default "less -FRX").
 */
#ifndef SYNCRO_OUTPUT_H
#define SYNCRO_OUTPUT_H

#include <stddef.h>
#include <cjson/cJSON.h>

#include "utf8.h"

struct table;

/* SGR sequences for table cells and status_color(). */
#define COLOR_RESET	"\033[m"
#define COLOR_BOLD	"\033[1m"
#define COLOR_DIM	"\033[2m"
#define COLOR_RED	"\033[31m"
#define COLOR_GREEN	"\033[32m"
#define COLOR_YELLOW	"\033[33m"
#define COLOR_BLUE	"\033[34m"
#define COLOR_MAGENTA	"\033[35m"
#define COLOR_CYAN	"\033[36m"
#define COLOR_BOLD_RED	"\033[1;31m"
#define COLOR_BOLD_YELLOW "\033[1;33m"

/*
 * The columns output may use: $COLUMNS if it is a positive number, else the
 * width of the terminal on stdout, else 0, meaning no limit (a pipe or a
 * file is never cut). While the pager runs, the terminal's width from
 * before it started.
 */
size_t term_columns(void);

/* Whether stdout gets colour: a terminal (or the pager), NO_COLOR unset, TERM not dumb. */
int color_enabled(void);

/*
 * The colour of a ticket status (case-insensitive): New bold yellow,
 * In Progress cyan, Waiting... magenta, Scheduled blue, Customer Reply
 * bold red, Resolved green, Invoiced and Closed dim; NULL for any other.
 * A static string.
 */
const char *status_color(const char *status);

/*
 * The ticket summary, one aligned line per ticket:
 *   #32164  New                  Jerry Burger            Own cloud thing again
 * ticket_table_new() makes the table (number, status, customer, subject;
 * the subject is cut first, then customer and status); ticket_table_add()
 * adds a ticket object as GET /tickets returns it (number, status,
 * customer_business_then_name, subject; missing fields print empty). Print
 * and free it with table_print() and table_free().
 */
struct table *ticket_table_new(void);
void ticket_table_add(struct table *t, const cJSON *ticket);
/* The same from its fields (number < 0: none), for rows kept without their JSON. */
void ticket_table_add_fields(struct table *t, long number, const char *status,
			     const char *customer, const char *subject);

/*
 * --json: value (NULL prints null) indented by two spaces, as json_print() does, on stdout;
 * with --json=FIELDS only those fields (json-fields.h), here and in json_array_add().
 */
void output_json(const cJSON *value);

/* "#32164  Resolved -> In Progress" on stdout: a ticket's status change (API text made safe). */
void output_status_change(long number, const char *before, const char *after);

/*
 * --json for a list that arrives page by page: one array, printed as it
 * comes, so memory stays flat. The output is what output_json() prints for
 * the whole array ("[]" when nothing was added).
 *
 *   struct json_array_out out = JSON_ARRAY_OUT_INIT;
 *   json_array_add(&out, ticket);   // for each one, borrowed
 *   json_array_end(&out);
 */
struct json_array_out {
	size_t nr;
};
#define JSON_ARRAY_OUT_INIT { 0 }
void json_array_add(struct json_array_out *out, const cJSON *item);
void json_array_end(struct json_array_out *out);

/*
 * Send the rest of stdout through $PAGER when stdout is a terminal (never
 * otherwise; PAGER empty or "cat" disables it). The width and colour
 * decisions are taken before, from the terminal. The pager is waited for
 * at exit, or by pager_stop(). Calling it twice is harmless.
 */
void pager_start(void);
void pager_stop(void);

#endif
