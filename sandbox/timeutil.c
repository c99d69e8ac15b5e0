#include "compat.h"
#include "timeutil.h"

void format_decimal(double v, int places, char *buf, size_t size)
{
	size_t len;

	snprintf(buf, size, "%.*f", places, v);
	if (!strchr(buf, '.'))
		return;
	len = strlen(buf);
	while (len > 0 && buf[len - 1] == '0')
		buf[--len] = '\0';
	if (len > 0 && buf[len - 1] == '.' && len + 1 < size) {
		buf[len] = '0';
		buf[len + 1] = '\0';
	}
	if (!strcmp(buf, "-0.0"))
		snprintf(buf, size, "0.0");
}
