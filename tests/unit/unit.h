/* Shared main() for the Check suites: every suite speaks TAP on stdout. */
#ifndef SYNCRO_UNIT_H
#define SYNCRO_UNIT_H

#include <check.h>
#include <stdlib.h>

#ifdef _WIN32
/*
 * check.h declares its messages format(printf), which MinGW's gcc reads as
 * Microsoft's printf (no %jd); the library formats them with C99's.
 */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#endif

#define UNIT_MAIN(make_suite) \
int main(int argc, char **argv) \
{ \
	SRunner *sr = srunner_create(make_suite()); \
	int failed; \
	(void)argc; \
	(void)argv; \
	srunner_set_tap(sr, "-"); \
	srunner_run_all(sr, CK_SILENT); \
	failed = srunner_ntests_failed(sr); \
	srunner_free(sr); \
	return failed ? EXIT_FAILURE : EXIT_SUCCESS; \
}

#endif
