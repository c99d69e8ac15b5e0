/*
 * What every fuzz harness (libFuzzer, see tests/fuzz/run) shares: the
 * input as a NUL-terminated copy, and a die() that jumps back to the
 * harness instead of exiting, so that an input a parser rejects by dying
 * is an answer, not a crash.
 *
 *   int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
 *   {
 *       char *text = fuzz_text(data, size);
 *       if (!FUZZ_DIED()) { ...parse text... }
 *       free(text);
 *       return 0;
 *   }
 */
#ifndef SYNCRO_FUZZ_H
#define SYNCRO_FUZZ_H

#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "usage.h"

extern jmp_buf fuzz_jump;
void fuzz_died(int code);

/* Arm the jump; non-zero when a die() came back to it. */
#define FUZZ_DIED() (set_die_routine(fuzz_died), setjmp(fuzz_jump) != 0)

/* data[0..size) and a '\0', owned by the caller. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);

	if (!text)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
