#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

/* The wide-character API (cchar_t, wget_wch, setcchar) needs this before curses.h. */
#define NCURSES_WIDECHAR 1

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Glibc's Swift module hides wcwidth (it needs _XOPEN_SOURCE). */
extern int wcwidth(wchar_t);

/* Attribute macros Swift cannot import. */
static const attr_t cte_attr_normal = A_NORMAL;
static const attr_t cte_attr_bold = A_BOLD;
static const attr_t cte_attr_dim = A_DIM;
static const attr_t cte_attr_underline = A_UNDERLINE;
static const attr_t cte_attr_reverse = A_REVERSE;
static const attr_t cte_attr_italic = A_ITALIC;

/* Globals Swift 6 rejects as "not concurrency-safe", read through functions. */
static inline FILE *cte_stdout(void) { return stdout; }
static inline FILE *cte_stdin(void) { return stdin; }
static inline int cte_colors(void) { return COLORS; }
static inline int cte_color_pairs(void) { return COLOR_PAIRS; }
static inline int cte_ccharw_max(void) { return CCHARW_MAX; }

/* True when the current locale's character set is UTF-8. */
static inline int cte_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

/*
 * Turns off XON/XOFF flow control on the terminal, so Ctrl-S and Ctrl-Q reach the program
 * instead of freezing output (cbreak() leaves IXON on). endwin() restores the shell's setting.
 * Returns 0, or -1 if the terminal settings could not be read or written.
 */
static inline int cte_disable_flow_control(int fd) {
    struct termios settings;
    if (tcgetattr(fd, &settings) != 0) return -1;
    settings.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
    return tcsetattr(fd, TCSANOW, &settings);
}

/*
 * Signal guard.
 *
 * SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-\ under cbreak) only set a flag that the input
 * loop polls; installed before ncurses starts, so ncurses keeps its hands off them. SIGSEGV,
 * SIGILL, SIGTRAP, SIGABRT, SIGBUS and SIGFPE call endwin() to give the terminal back, put the previous handler back and
 * let the signal reach it: a real fault happens again when the handler returns, other signals
 * are raised again.
 *
 * The state below is `static`, so every object file that uses these functions has its own
 * copy: call them from a single Swift file (NcursesBackend's SignalGuard.swift).
 */
static volatile sig_atomic_t cte_interrupt_signal = 0;
static volatile sig_atomic_t cte_curses_active = 0;
static int cte_handlers_installed = 0;
#define CTE_GUARDED_SIGNAL_COUNT 10
static const int cte_guarded_signals[CTE_GUARDED_SIGNAL_COUNT] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE
};
#define CTE_INTERRUPT_SIGNAL_COUNT 4 /* the first ones in cte_guarded_signals */
static struct sigaction cte_previous_actions[CTE_GUARDED_SIGNAL_COUNT] = { { { 0 } } }; /* an initializer is needed: Swift emits no tentative definitions */

static inline int cte_signal_slot(int sig) {
    for (int i = 0; i < CTE_GUARDED_SIGNAL_COUNT; i++) {
        if (cte_guarded_signals[i] == sig) return i;
    }
    return -1;
}

static inline void cte_interrupt_handler(int sig) {
    cte_interrupt_signal = sig;
}

static inline void cte_crash_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (cte_curses_active) {
        cte_curses_active = 0;
        endwin();
    }
    int slot = cte_signal_slot(sig);
    if (slot >= 0) {
        sigaction(sig, &cte_previous_actions[slot], NULL);
    } else {
        signal(sig, SIG_DFL);
    }
    int faulted = info != NULL && info->si_code > 0 && sig != SIGTRAP && sig != SIGABRT;
    if (!faulted) raise(sig);
}

/* Installs the handlers, remembering the previous ones; returns 0, or -1 if sigaction failed. */
static inline int cte_install_signal_handlers(void) {
    if (cte_handlers_installed) return 0;
    int result = 0;
    for (int i = 0; i < CTE_GUARDED_SIGNAL_COUNT; i++) {
        int sig = cte_guarded_signals[i];
        struct sigaction action;
        sigemptyset(&action.sa_mask);
        if (i < CTE_INTERRUPT_SIGNAL_COUNT) {
            action.sa_handler = cte_interrupt_handler;
            action.sa_flags = 0; /* no SA_RESTART: a blocking read returns so the flag is seen */
        } else {
            action.sa_sigaction = cte_crash_handler;
            action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        }
        if (sigaction(sig, &action, &cte_previous_actions[i]) != 0) result = -1;
    }
    cte_handlers_installed = 1;
    return result;
}

/* Puts back the handlers that were there before cte_install_signal_handlers. */
static inline void cte_restore_signal_handlers(void) {
    if (!cte_handlers_installed) return;
    for (int i = 0; i < CTE_GUARDED_SIGNAL_COUNT; i++) {
        sigaction(cte_guarded_signals[i], &cte_previous_actions[i], NULL);
    }
    cte_handlers_installed = 0;
}

/* The last SIGINT/SIGTERM/SIGHUP/SIGQUIT received since the flag was cleared, or 0. */
static inline int cte_pending_interrupt(void) { return cte_interrupt_signal; }
static inline void cte_clear_interrupt(void) { cte_interrupt_signal = 0; }

/* Tells the crash handler whether curses owns the terminal (so endwin is needed). */
static inline void cte_set_curses_active(int active) { cte_curses_active = active; }

#endif
