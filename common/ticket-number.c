#include "compat.h"
#include <ctype.h>
#include "ticket-number.h"

long ticket_number_parse(const char *s)
{
	char *end;
	long n;

	if (!s)
		return -1;
	if (*s == '#')
		s++;
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || *end || n <= 0)
		return -1;
	return n;
}
