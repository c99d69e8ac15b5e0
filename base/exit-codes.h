/* The exit codes every verb keeps (design.md, documented in syncro(1)). */
#ifndef SYNCRO_EXIT_CODES_H
#define SYNCRO_EXIT_CODES_H

enum exit_code {
	EXIT_OK = 0,
	EXIT_ERROR = 1,		/* anything else that went wrong */
	EXIT_USAGE = 2,		/* bad arguments, unknown verb */
	EXIT_AUTH = 3,		/* config or auth: no key, 401, 403 */
	EXIT_NOT_FOUND = 4,	/* 404 */
	EXIT_REJECTED = 5,	/* 422: the API refused the request */
	EXIT_RATE_LIMITED = 6,	/* 429 after retries */
	EXIT_NETWORK = 7,	/* 5xx, timeout, DNS, TLS, a body that is not JSON */
};

#endif
