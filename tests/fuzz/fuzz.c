#include "compat.h"
#include "fuzz.h"

jmp_buf fuzz_jump;

void fuzz_died(int code)
{
	(void)code;
	longjmp(fuzz_jump, 1);
}
