/*
 * Page arithmetic for list endpoints: which slice of a list a request gets,
 * from its page and per_page parameters (strings as sent, or NULL).
 */
#ifndef SANDBOX_PAGING_H
#define SANDBOX_PAGING_H

#define PER_PAGE_MAX 100

struct page {
	int page;		/* 1-based, as requested (may be past the end) */
	int per_page;		/* in 1..PER_PAGE_MAX */
	int total_pages;	/* at least 1, even for an empty list */
	int total_entries;
	int first;		/* index of the first item of the slice */
	int count;		/* items in the slice; 0 past the end */
};

/*
 * A page of total items. A missing or bad page is 1; a missing or bad
 * per_page is default_size; per_page is capped at PER_PAGE_MAX. A number
 * too large for an int is INT_MAX.
 */
struct page paging_compute(int total, const char *page, const char *per_page,
			   int default_size);

#endif
