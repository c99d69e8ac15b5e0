#include "compat.h"
#include "utf8.h"
#include "xmalloc.h"

#define REPLACEMENT 0xFFFDu

struct range {
	uint32_t first, last;
};

/*
 * Zero-width characters: combining marks of the scripts a ticket is likely
 * to use, Hangul medial and final jamo, and invisible format characters.
 * Checked before the wide table (some marks sit inside wide blocks).
 */
static const struct range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x05BF, 0x05BF }, { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 },
	{ 0x05C7, 0x05C7 }, { 0x0610, 0x061A }, { 0x061C, 0x061C },
	{ 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC },
	{ 0x06DF, 0x06E4 }, { 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED },
	{ 0x0711, 0x0711 }, { 0x0730, 0x074A }, { 0x07A6, 0x07B0 },
	{ 0x07EB, 0x07F3 }, { 0x08CA, 0x08E1 }, { 0x08E3, 0x0902 }, { 0x093A, 0x093A },
	{ 0x093C, 0x093C }, { 0x0941, 0x0948 }, { 0x094D, 0x094D },
	{ 0x0951, 0x0957 }, { 0x0962, 0x0963 }, { 0x0981, 0x0981 },
	{ 0x09BC, 0x09BC }, { 0x09C1, 0x09C4 }, { 0x09CD, 0x09CD },
	{ 0x09E2, 0x09E3 }, { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A },
	{ 0x0E47, 0x0E4E }, { 0x0EB1, 0x0EB1 }, { 0x0EB4, 0x0EBC },
	{ 0x0EC8, 0x0ECD }, { 0x0F71, 0x0F7E }, { 0x0F80, 0x0F84 },
	{ 0x0F8D, 0x0FBC }, { 0x1160, 0x11FF }, { 0x1AB0, 0x1AFF },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x202A, 0x202E },
	{ 0x2060, 0x2064 }, { 0x2066, 0x206F }, { 0x20D0, 0x20F0 }, { 0x2DE0, 0x2DFF }, { 0x302A, 0x302D },
	{ 0x3099, 0x309A }, { 0xA8E0, 0xA8F1 }, { 0xD7B0, 0xD7FF },
	{ 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0xFEFF, 0xFEFF }, { 0xE0001, 0xE0001 }, { 0xE0020, 0xE007F },
	{ 0xE0100, 0xE01EF },
};

/* East Asian Wide and Fullwidth (Unicode 15): CJK, Hangul, kana, emoji. */
static const struct range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x9FFF },
	{ 0xA000, 0xA4CF }, { 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 },
	{ 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6F },
	{ 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FF1 },
	{ 0x17000, 0x18D08 }, { 0x1AFF0, 0x1B2FF }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F200, 0x1F202 }, { 0x1F210, 0x1F23B }, { 0x1F240, 0x1F248 },
	{ 0x1F250, 0x1F251 }, { 0x1F260, 0x1F265 }, { 0x1F300, 0x1F320 },
	{ 0x1F32D, 0x1F335 }, { 0x1F337, 0x1F37C }, { 0x1F37E, 0x1F393 },
	{ 0x1F3A0, 0x1F3CA }, { 0x1F3CF, 0x1F3D3 }, { 0x1F3E0, 0x1F3F0 },
	{ 0x1F3F4, 0x1F3F4 }, { 0x1F3F8, 0x1F43E }, { 0x1F440, 0x1F440 },
	{ 0x1F442, 0x1F4FC }, { 0x1F4FF, 0x1F53D }, { 0x1F54B, 0x1F54E },
	{ 0x1F550, 0x1F567 }, { 0x1F57A, 0x1F57A }, { 0x1F595, 0x1F596 },
	{ 0x1F5A4, 0x1F5A4 }, { 0x1F5FB, 0x1F64F }, { 0x1F680, 0x1F6C5 },
	{ 0x1F6CC, 0x1F6CC }, { 0x1F6D0, 0x1F6D2 }, { 0x1F6D5, 0x1F6D7 },
	{ 0x1F6DC, 0x1F6DF }, { 0x1F6EB, 0x1F6EC }, { 0x1F6F4, 0x1F6FC },
	{ 0x1F7E0, 0x1F7EB }, { 0x1F7F0, 0x1F7F0 }, { 0x1F90C, 0x1F93A },
	{ 0x1F93C, 0x1F945 }, { 0x1F947, 0x1F9FF }, { 0x1FA70, 0x1FAFF },
	{ 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

static int in_table(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid].first)
			hi = mid;
		else if (cp > r[mid].last)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	} else if ((u[0] & 0xE0) == 0xC0) {
		n = 2, c = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		n = 3, c = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		n = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		goto invalid;
	}
	if (n > len)
		goto invalid;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto invalid;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto invalid;
	*cp = c;
	return n;
invalid:
	*cp = REPLACEMENT;
	return 1;
}

static int is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
}

int utf8_is_bidi_control(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
		(cp >= 0x2066 && cp <= 0x2069);
}

int utf8_char_width(uint32_t cp)
{
	if (is_control(cp))
		return 1;	/* shown as a space */
	if (utf8_is_bidi_control(cp))
		return 0;	/* not shown */
	if (in_table(cp, zero_width, ARRAY_SIZE(zero_width)))
		return 0;
	if (in_table(cp, wide, ARRAY_SIZE(wide)))
		return 2;
	return 1;
}

size_t utf8_width(const char *s)
{
	size_t len = strlen(s), w = 0;

	while (len) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);

		w += (size_t)utf8_char_width(cp);
		s += n;
		len -= n;
	}
	return w;
}

/* Append one decoded character as it is shown. */
static void add_char(struct sbuf *sb, const char *s, size_t n, uint32_t cp)
{
	if (is_control(cp))
		sbuf_addch(sb, ' ');
	else if (utf8_is_bidi_control(cp))
		;	/* it would reorder what follows: "gpj.exe" shown as "exe.jpg" */
	else if (cp == REPLACEMENT)
		sbuf_addstr(sb, "\xef\xbf\xbd");
	else
		sbuf_add(sb, s, n);
}

static size_t add_upto(struct sbuf *sb, const char *s, size_t width)
{
	size_t len = strlen(s), used = 0;

	while (len) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		size_t w = (size_t)utf8_char_width(cp);

		if (used + w > width)
			break;
		add_char(sb, s, n, cp);
		used += w;
		s += n;
		len -= n;
	}
	return used;
}

size_t utf8_add_cut(struct sbuf *sb, const char *s, size_t width)
{
	size_t used;

	if (utf8_width(s) <= width)
		return add_upto(sb, s, width);
	if (!width)
		return 0;
	used = add_upto(sb, s, width - 1);
	sbuf_addstr(sb, UTF8_ELLIPSIS);
	return used + 1;
}

void utf8_add_safe(struct sbuf *sb, const char *s, enum safe_text how)
{
	size_t len = strlen(s);

	while (len) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);

		if (how == SAFE_LINES && cp == '\r' && len > 1 && s[1] == '\n')
			;	/* CRLF text: the newline alone */
		else if (how == SAFE_LINES && (cp == '\n' || cp == '\t'))
			sbuf_addch(sb, (int)cp);
		else
			add_char(sb, s, n, cp);
		s += n;
		len -= n;
	}
}

char *utf8_cut(const char *s, size_t width)
{
	struct sbuf sb = SBUF_INIT;

	utf8_add_cut(&sb, s, width);
	return sbuf_detach(&sb, NULL);
}

void output_text(FILE *fp, const char *text, enum safe_text how)
{
	struct sbuf sb = SBUF_INIT;

	utf8_add_safe(&sb, text, how);
	fwrite(sb.buf, 1, sb.len, fp);
	sbuf_release(&sb);
}

static size_t width_of(const char *s, size_t len)
{
	char *copy = xstrndup(s, len);
	size_t w = utf8_width(copy);

	free(copy);
	return w;
}

/* One line of text (len bytes, no '\n'), wrapped. */
static void add_wrapped_line(struct sbuf *sb, const char *line, size_t len, const char *indent,
			     size_t width)
{
	size_t room = width > utf8_width(indent) ? width - utf8_width(indent) : 1;
	size_t used = 0, i = 0;

	sbuf_addstr(sb, indent);
	if (!width || width_of(line, len) <= room) {
		sbuf_add(sb, line, len);
		sbuf_addch(sb, '\n');
		return;
	}
	while (i < len) {
		size_t start = i, w;

		while (i < len && line[i] == ' ')
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && line[i] != ' ')
			i++;
		w = width_of(line + start, i - start);
		if (used && used + 1 + w > room) {
			sbuf_addch(sb, '\n');
			sbuf_addstr(sb, indent);
			used = 0;
		} else if (used) {
			sbuf_addch(sb, ' ');
			used++;
		}
		sbuf_add(sb, line + start, i - start);
		used += w;
	}
	sbuf_addch(sb, '\n');
}

void utf8_add_wrapped(struct sbuf *sb, const char *text, const char *indent, size_t width)
{
	while (*text) {
		size_t len = strcspn(text, "\n");

		add_wrapped_line(sb, text, len, indent, width);
		text += len;
		if (*text)
			text++;
	}
}
