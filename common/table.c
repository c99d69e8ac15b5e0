#include "compat.h"
#include "output.h"
#include "table.h"
#include "usage.h"
#include "utf8.h"
#include "xmalloc.h"

#define GAP 2	/* spaces between columns */

struct cell {
	char *text;
	char *color;	/* NULL: the row's */
};

struct row {
	struct cell *cells;	/* t->columns of them; missing ones are empty */
	size_t nr;
	char *color;
};

struct column {
	size_t min, max;	/* min: how far it shrinks; max: 0 for none */
	size_t reserve;		/* table_reserve(): 0 for none */
	int shrink;
	enum table_align align;
};

struct table {
	size_t columns, flex;
	struct column *col;
	struct row *rows;
	size_t nr, alloc;
	size_t *fixed;		/* the widths from the first table_flush() */
};

struct table *table_new(size_t columns)
{
	struct table *t = xcalloc(1, sizeof(*t));

	if (!columns)
		BUG("a table needs at least one column");
	t->columns = columns;
	t->col = xcalloc(columns, sizeof(*t->col));
	table_set_flex(t, columns - 1, 10);
	return t;
}

static void free_rows(struct table *t)
{
	for (size_t r = 0; r < t->nr; r++) {
		for (size_t c = 0; c < t->rows[r].nr; c++) {
			free(t->rows[r].cells[c].text);
			free(t->rows[r].cells[c].color);
		}
		free(t->rows[r].cells);
		free(t->rows[r].color);
	}
	t->nr = 0;
}

void table_free(struct table *t)
{
	if (!t)
		return;
	free_rows(t);
	free(t->rows);
	free(t->col);
	free(t->fixed);
	free(t);
}

static struct column *column(struct table *t, size_t col)
{
	if (col >= t->columns)
		BUG("table column %zu of %zu", col, t->columns);
	return &t->col[col];
}

void table_set_flex(struct table *t, size_t col, size_t min_width)
{
	column(t, col)->min = min_width;
	t->flex = col;
}

void table_set_shrink(struct table *t, size_t col, size_t min_width)
{
	column(t, col)->min = min_width;
	column(t, col)->shrink = 1;
}

void table_set_max(struct table *t, size_t col, size_t max_width)
{
	column(t, col)->max = max_width;
}

void table_set_align(struct table *t, size_t col, enum table_align align)
{
	column(t, col)->align = align;
}

void table_reserve(struct table *t, size_t col, size_t width)
{
	column(t, col)->reserve = width;
}

void table_add_row(struct table *t, const char *color)
{
	struct row *row;

	ALLOC_GROW(t->rows, t->nr + 1, t->alloc);
	row = &t->rows[t->nr++];
	row->cells = xcalloc(t->columns, sizeof(*row->cells));
	row->nr = 0;
	row->color = color ? xstrdup(color) : NULL;
}

void table_add_colored(struct table *t, const char *color, const char *text)
{
	struct row *row;

	if (!t->nr)
		BUG("table_add_cell before table_add_row");
	row = &t->rows[t->nr - 1];
	if (row->nr >= t->columns)
		BUG("more cells than the table's %zu columns", t->columns);
	row->cells[row->nr].text = xstrdup(text ? text : "");
	row->cells[row->nr].color = color ? xstrdup(color) : NULL;
	row->nr++;
}

void table_add_cell(struct table *t, const char *text)
{
	table_add_colored(t, NULL, text);
}

void table_add_cellf(struct table *t, const char *fmt, ...)
{
	struct sbuf sb = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	table_add_colored(t, NULL, sb.buf);
	sbuf_release(&sb);
}

size_t table_rows(const struct table *t)
{
	return t->nr;
}

static const char *cell_text(const struct row *row, size_t c)
{
	return c < row->nr ? row->cells[c].text : "";
}

/* Take up to *excess columns from col, keeping at least floor. */
static void shrink(size_t *width, size_t floor, size_t *excess)
{
	size_t take;

	if (*width <= floor)
		return;
	take = *width - floor < *excess ? *width - floor : *excess;
	*width -= take;
	*excess -= take;
}

/* The width of every column for the given limit; the caller frees. */
static size_t *layout(const struct table *t, size_t limit)
{
	size_t *w = xcalloc(t->columns, sizeof(*w));
	size_t total = GAP * (t->columns - 1), excess;

	for (size_t r = 0; r < t->nr; r++)
		for (size_t c = 0; c < t->columns; c++) {
			size_t cw = utf8_width(cell_text(&t->rows[r], c));

			if (cw > w[c])
				w[c] = cw;
		}
	for (size_t c = 0; c < t->columns; c++) {
		size_t reserve = t->col[c].reserve;

		/* Filling the terminal: at least its width, cut to fit below. */
		if (reserve == TABLE_FILL)
			reserve = limit ? limit : TABLE_FILL;
		if (reserve > w[c])
			w[c] = reserve;
		if (t->col[c].max && w[c] > t->col[c].max)
			w[c] = t->col[c].max;
		/* Only the last column takes no padding, so only it may be endless. */
		if (w[c] == TABLE_FILL && (c + 1 < t->columns || t->col[c].align == TABLE_RIGHT))
			BUG("table column %zu cannot fill a line of no limit", c);
	}
	if (!limit)
		return w;
	for (size_t c = 0; c < t->columns; c++)
		total += w[c];
	if (total <= limit)
		return w;

	excess = total - limit;
	shrink(&w[t->flex], t->col[t->flex].min, &excess);
	for (size_t c = t->columns; c-- > 0 && excess;)
		if (t->col[c].shrink && c != t->flex)
			shrink(&w[c], t->col[c].min, &excess);
	/* Still too wide: everything that may shrink goes down to one column. */
	shrink(&w[t->flex], 1, &excess);
	for (size_t c = t->columns; c-- > 0 && excess;)
		if (t->col[c].shrink)
			shrink(&w[c], 1, &excess);
	return w;
}

static void add_spaces(struct sbuf *out, size_t n)
{
	while (n--)
		sbuf_addch(out, ' ');
}

static void render_row(const struct table *t, const struct row *row,
		       const size_t *w, struct sbuf *out, int color)
{
	struct sbuf cut = SBUF_INIT;
	size_t end = 0;

	/* Cells after the last non-empty one are left out: no trailing blanks. */
	for (size_t c = 0; c < row->nr; c++)
		if (*row->cells[c].text)
			end = c + 1;
	for (size_t c = 0; c < end; c++) {
		const struct cell *cell = &row->cells[c];
		const char *sgr = cell->color ? cell->color : row->color;
		size_t used, pad;

		sbuf_reset(&cut);
		used = utf8_add_cut(&cut, cell->text, w[c]);
		pad = c + 1 < end ? w[c] - used : 0;
		if (c)
			add_spaces(out, GAP);
		if (t->col[c].align == TABLE_RIGHT)
			add_spaces(out, w[c] - used), pad = 0;
		if (color && sgr && *sgr && cut.len)
			sbuf_addf(out, "%s%s%s", sgr, cut.buf, COLOR_RESET);
		else
			sbuf_add(out, cut.buf, cut.len);
		add_spaces(out, pad);
	}
	sbuf_addch(out, '\n');
	sbuf_release(&cut);
}

void table_render(const struct table *t, struct sbuf *out, size_t width, int color)
{
	size_t *w = t->fixed ? NULL : layout(t, width);

	for (size_t r = 0; r < t->nr; r++)
		render_row(t, &t->rows[r], w ? w : t->fixed, out, color);
	free(w);
}

/* To stdout a row at a time: the output of a long table is never kept whole. */
static void print_rows(const struct table *t, const size_t *w)
{
	struct sbuf line = SBUF_INIT;
	int color = color_enabled();

	for (size_t r = 0; r < t->nr; r++) {
		sbuf_reset(&line);
		render_row(t, &t->rows[r], w, &line, color);
		fwrite(line.buf, 1, line.len, stdout);
	}
	sbuf_release(&line);
}

void table_print(const struct table *t)
{
	size_t *w = t->fixed ? NULL : layout(t, term_columns());

	print_rows(t, w ? w : t->fixed);
	free(w);
}

void table_flush(struct table *t)
{
	if (!t->fixed)
		t->fixed = layout(t, term_columns());
	print_rows(t, t->fixed);
	free_rows(t);
}
