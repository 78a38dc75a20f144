#ifndef STAIRCASE_CNCURSESW_SHIM_H
#define STAIRCASE_CNCURSESW_SHIM_H
/* The wide-character API (wget_wch, setcchar, wadd_wch) needs these before curses.h;
   SwiftPM drops them when pkgConfig is used, so they live here. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 strict concurrency rejects C globals and function-like macros: wrap them. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_maxy(WINDOW *w) { return getmaxy(w); }
static inline int cnc_maxx(WINDOW *w) { return getmaxx(w); }
static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline int cnc_key_resize(void) { return KEY_RESIZE; }
static inline int cnc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cnc_err(void) { return ERR; }
static inline int cnc_ok(void) { return OK; }
static inline int cnc_has_cup(void) {
    const char *s = tigetstr("cup");
    return s != 0 && s != (char *)-1;
}
/* The key code curses gives an extended key named by its terminfo capability ("kLFT3" is
   Alt-Left), or 0 when the terminal does not describe it. */
static inline int cnc_key_code(const char *cap) {
    const char *s = tigetstr(cap);
    if (s == 0 || s == (char *)-1) return 0;
    int code = key_defined(s);
    return code > 0 ? code : 0;
}
/* True when the current locale encodes UTF-8 (after setlocale(LC_ALL, "")). */
static inline int cnc_locale_is_utf8(void) {
    const char *set = nl_langinfo(CODESET);
    return set != 0 && (strcmp(set, "UTF-8") == 0 || strcmp(set, "utf8") == 0);
}
/* newterm on the process's own stdin/stdout; returns NULL (never exits) for an unknown TERM. */
static inline SCREEN *cnc_newterm(void) { return newterm(0, stdout, stdin); }
/* term.h's calls, declared here: its capability macros (lines, columns...) would clash. */
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);
/* Whether terminfo knows `term`: 1 with cursor addressing, -1 without, 0 unknown. Looked up
   and let go, before curses starts, so nothing of the terminal is changed. */
static inline int cnc_term_usable(const char *term) {
    int err = 0;
    struct term *before = set_curterm(0);
    if (setupterm(term, 1, &err) != OK) {
        set_curterm(before);
        return 0;
    }
    int cup = cnc_has_cup();
    del_curterm(set_curterm(before));
    return cup ? 1 : -1;
}
/* Draw one grapheme (base + combining marks) with attributes and colour pair. */
static inline int cnc_put_cell(WINDOW *w, int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, chars, attrs, pair, 0) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &c);
}
#endif
