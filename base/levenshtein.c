#include "compat.h"
#include "levenshtein.h"
#include "xmalloc.h"

/* Damerau-Levenshtein over three rows (the one before last for swaps). */
int levenshtein(const char *s1, const char *s2, int w, int s, int a, int d)
{
	size_t len1 = strlen(s1), len2 = strlen(s2);
	int *row0 = xmalloc((len2 + 1) * sizeof(int));
	int *row1 = xmalloc((len2 + 1) * sizeof(int));
	int *row2 = xmalloc((len2 + 1) * sizeof(int));
	int result;

	for (size_t j = 0; j <= len2; j++)
		row1[j] = (int)j * a;
	for (size_t i = 0; i < len1; i++) {
		int *tmp;

		row2[0] = (int)(i + 1) * d;
		for (size_t j = 0; j < len2; j++) {
			int best = row1[j] + s * (s1[i] != s2[j]);

			if (i > 0 && j > 0 && s1[i - 1] == s2[j] && s1[i] == s2[j - 1] &&
			    best > row0[j - 1] + w)
				best = row0[j - 1] + w;
			if (best > row1[j + 1] + d)
				best = row1[j + 1] + d;
			if (best > row2[j] + a)
				best = row2[j] + a;
			row2[j + 1] = best;
		}
		tmp = row0;
		row0 = row1;
		row1 = row2;
		row2 = tmp;
	}
	result = row1[len2];
	free(row0);
	free(row1);
	free(row2);
	return result;
}
