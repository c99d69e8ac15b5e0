/*
 * Path patterns: "/tickets/{id}/comment" or "/api/v1/tickets/ * /comment"
 * (without the spaces). "{name}" and "*" each match exactly one non-empty
 * path segment; "{name}" segments are captured in order.
 */
#ifndef SANDBOX_ROUTE_H
#define SANDBOX_ROUTE_H

#include <stddef.h>

#define ROUTE_MAX_CAPTURES 4
#define ROUTE_CAPTURE_LEN 96

struct route_captures {
	int nr;
	char v[ROUTE_MAX_CAPTURES][ROUTE_CAPTURE_LEN];
};

/* 1 when path matches pattern (caps may be NULL), else 0. */
int path_match(const char *pattern, const char *path, struct route_captures *caps);

#endif
