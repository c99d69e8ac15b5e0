/*
 * Aligned tables for people: rows of cells, columns two spaces apart,
 * every cell one line. When the rows are wider than the terminal, the
 * flexible column (the last one unless table_set_flex says otherwise) is
 * cut with an ellipsis first, then the columns marked shrinkable, right to
 * left; lines are never wrapped. Widths are display widths (utf8.h), and
 * control characters in cells are shown as spaces.
 *
 *   struct table *t = table_new(3);
 *   table_set_shrink(t, 1, 8);
 *   table_add_row(t, NULL);
 *   table_add_cellf(t, "#%ld", number);
 *   table_add_colored(t, status_color(status), status);
 *   table_add_cell(t, subject);
 *   table_print(t);
 *   table_free(t);
 *
 * The table copies every string it is given; table_free() frees it all.
 * A table too long to keep is printed in parts with table_flush().
 */
#ifndef SYNCRO_TABLE_H
#define SYNCRO_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

enum table_align { TABLE_LEFT, TABLE_RIGHT };

struct table;

struct table *table_new(size_t columns);
void table_free(struct table *t);

/* The column cut first, and the width it keeps before others shrink (default: last, 10). */
void table_set_flex(struct table *t, size_t col, size_t min_width);
/* Let col shrink down to min_width when the flexible one is at its minimum. */
void table_set_shrink(struct table *t, size_t col, size_t min_width);
/* Never let col grow beyond max_width (longer cells are cut). */
void table_set_max(struct table *t, size_t col, size_t max_width);
void table_set_align(struct table *t, size_t col, enum table_align align);

/* Start a row; color (an SGR sequence from output.h, or NULL) applies to all its cells. */
void table_add_row(struct table *t, const char *color);
/* Add the next cell of the current row; extra cells are a bug. */
void table_add_cell(struct table *t, const char *text);
void table_add_cellf(struct table *t, const char *fmt, ...)
	PRINTF_LIKE(2, 3);
/* A cell with its own color (NULL: the row's). */
void table_add_colored(struct table *t, const char *color, const char *text);

size_t table_rows(const struct table *t);

/*
 * For a table printed while its rows still come (table_flush): size col
 * as if it held a cell width columns wide. TABLE_FILL: as wide as the
 * terminal allows (the last column, left-aligned, or one with a
 * table_set_max), and never cut without a terminal.
 */
#define TABLE_FILL SIZE_MAX
void table_reserve(struct table *t, size_t col, size_t width);

/*
 * Print the rows added so far as table_print() does, and forget them: a
 * table too long to keep whole. The widths are chosen at the first flush,
 * from its rows and table_reserve(), and kept for every later row (also
 * by table_print() and table_render()); a later cell wider than its
 * column is cut.
 */
void table_flush(struct table *t);

/*
 * Append the table to out, one line per row, each ending in a newline, in
 * at most width columns (0: no limit); with color, cells are wrapped in
 * their SGR sequences (which take no columns).
 */
void table_render(const struct table *t, struct sbuf *out, size_t width, int color);

/* Render to stdout for its terminal: term_columns() and color_enabled(). */
void table_print(const struct table *t);

#endif
