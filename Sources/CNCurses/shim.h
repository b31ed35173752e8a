#ifndef COMPTOIR_CNCURSES_SHIM_H
#define COMPTOIR_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <string.h>
#include <ncursesw/ncurses.h>

/* Macros and globals Swift does not import, wrapped as functions. */
static inline int comptoir_lines(void) { return LINES; }
static inline int comptoir_cols(void) { return COLS; }
static inline int comptoir_colors(void) { return COLORS; }
static inline int comptoir_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *comptoir_stdscr(void) { return stdscr; }
static inline attr_t comptoir_a_bold(void) { return WA_BOLD; }
static inline attr_t comptoir_a_dim(void) { return WA_DIM; }
static inline attr_t comptoir_a_italic(void) { return WA_ITALIC; }
static inline attr_t comptoir_a_underline(void) { return WA_UNDERLINE; }
static inline attr_t comptoir_a_reverse(void) { return WA_REVERSE; }
static inline attr_t comptoir_a_normal(void) { return WA_NORMAL; }
static inline mmask_t comptoir_mouse_mask(void) {
    return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
        | BUTTON5_PRESSED
#endif
        ;
}
static inline mmask_t comptoir_button1_any(void) {
    return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_DOUBLE_CLICKED;
}
static inline mmask_t comptoir_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t comptoir_button5_pressed(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}
static inline int comptoir_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != 0 && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}
static inline int comptoir_init_extended_pair(int pair, int fg, int bg) {
    return init_extended_pair(pair, fg, bg);
}
static inline int comptoir_set_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}
#endif
