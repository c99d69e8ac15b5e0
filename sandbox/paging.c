#include "compat.h"
#include <limits.h>
#include "paging.h"

/*
 * A whole number >= 1 from s, or fallback; one too large for an int (or a
 * long: strtol gives LONG_MAX) is INT_MAX, so a huge page is past the end.
 */
static int positive(const char *s, int fallback)
{
	char *end;
	long n;

	if (!s || !*s)
		return fallback;
	n = strtol(s, &end, 10);
	if (*end || n < 1)
		return fallback;
	return n > INT_MAX ? INT_MAX : (int)n;
}

struct page paging_compute(int total, const char *page, const char *per_page,
			   int default_size)
{
	struct page p;
	long first;

	p.page = positive(page, 1);
	p.per_page = positive(per_page, default_size);
	if (p.per_page > PER_PAGE_MAX)
		p.per_page = PER_PAGE_MAX;
	p.total_entries = total;
	p.total_pages = total ? (total + p.per_page - 1) / p.per_page : 1;
	first = (long)(p.page - 1) * p.per_page;
	if (first >= total) {
		p.first = total;
		p.count = 0;
	} else {
		p.first = (int)first;
		p.count = total - p.first < p.per_page ? total - p.first : p.per_page;
	}
	return p;
}
