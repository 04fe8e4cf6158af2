#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

/* The wide-character API (cchar_t, wget_wch, setcchar) needs this before curses.h. */
#define NCURSES_WIDECHAR 1

#include <execinfo.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Mouse masks (function-like macros in curses.h, so Swift cannot import them). */
static const mmask_t cte_button1_pressed = BUTTON1_PRESSED;
static const mmask_t cte_button1_released = BUTTON1_RELEASED;
static const mmask_t cte_button1_clicked = BUTTON1_CLICKED;
static const mmask_t cte_button1_double_clicked = BUTTON1_DOUBLE_CLICKED;
static const mmask_t cte_button1_triple_clicked = BUTTON1_TRIPLE_CLICKED;
static const mmask_t cte_button4_pressed = BUTTON4_PRESSED;
static const mmask_t cte_button5_pressed = BUTTON5_PRESSED;
static const mmask_t cte_button_shift = BUTTON_SHIFT;

/*
 * 1 when curses itself asks for and reads SGR 1006 mouse reports: the terminfo entry's XM string
 * names mode 1006 (xterm-256color does; tmux-256color and screen in Debian 12 have no XM, so
 * curses uses the X10 form, whose columns stop at 223). Call after newterm.
 */
static inline int cte_curses_reads_sgr_mouse(void) {
    char *xm = tigetstr("XM");
    if (xm != NULL && xm != (char *)-1) return strstr(xm, "1006") != NULL;
    return tigetnum("XM") == 1006;
}

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
 * Terminating signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE sent
 * by another process, and every other signal whose default action ends the process without a
 * fault) only mark the signal as pending; the input loop polls, gives the terminal back and exits with 128 + the signal.
 * They are installed before ncurses starts, so ncurses keeps its hands off them. A signal the
 * process was started with ignored (nohup) stays ignored, except SIGINT, which is Ctrl-C.
 * SIGCONT (after Ctrl-Z or an external SIGSTOP) marks that the terminal must be taken back.
 *
 * Faults (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSYS) call endwin() to give the
 * terminal back, write one line and a backtrace to standard error and _exit with 128 + the
 * signal. They do not chain to the Swift runtime's backtracer, which can wait for a key on a
 * terminal whatever the program does next. An alarm bounds the whole handler, so it never hangs.
 *
 * The state below is `static`, so every object file that uses these functions has its own
 * copy: call them from a single Swift file (NcursesBackend's SignalGuard.swift).
 */
#define CTE_MAX_SIGNAL 65
static volatile sig_atomic_t cte_pending_signals[CTE_MAX_SIGNAL] = { 0 };
static volatile sig_atomic_t cte_continued = 0;
static volatile sig_atomic_t cte_curses_active = 0;
static volatile sig_atomic_t cte_crashing = 0;
static int cte_handlers_installed = 0;
static int cte_installed_signals[CTE_MAX_SIGNAL] = { 0 };
static struct sigaction cte_previous_actions[CTE_MAX_SIGNAL] = { { { 0 } } }; /* an initializer is needed: Swift emits no tentative definitions */
static char cte_alternate_stack[65536] = { 0 };

#define CTE_FAULT_SIGNAL_COUNT 7
static const int cte_fault_signals[CTE_FAULT_SIGNAL_COUNT] = {
    SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSYS
};

/* 1 for a signal whose default action ends the process and that is not a fault. */
static inline int cte_is_terminating_signal(int sig) {
    switch (sig) {
    case SIGINT: case SIGTERM: case SIGHUP: case SIGQUIT: case SIGUSR1: case SIGUSR2:
    case SIGALRM: case SIGPIPE: case SIGVTALRM: case SIGPROF: case SIGXCPU: case SIGXFSZ:
    case SIGIO: case SIGPWR:
#ifdef SIGSTKFLT
    case SIGSTKFLT:
#endif
        return 1;
    default:
        return sig >= SIGRTMIN && sig <= SIGRTMAX && sig < CTE_MAX_SIGNAL;
    }
}

static inline int cte_is_fault_signal(int sig) {
    for (int i = 0; i < CTE_FAULT_SIGNAL_COUNT; i++) {
        if (cte_fault_signals[i] == sig) return 1;
    }
    return 0;
}

static inline void cte_pending_handler(int sig) {
    if (sig > 0 && sig < CTE_MAX_SIGNAL) cte_pending_signals[sig] = 1;
}

/*
 * SIGPIPE comes from outside (kill) or from the process's own write to a pipe or socket whose
 * reader has gone (the user's function, say): only the first ends the program; the write itself
 * then fails with EPIPE, which its caller reports.
 */
static inline void cte_pipe_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (info != NULL && info->si_code <= 0 && info->si_pid == getpid()) return;
    if (info != NULL && info->si_code > 0) return; /* raised by the kernel for a write */
    cte_pending_handler(sig);
}

static inline void cte_continue_handler(int sig) {
    (void)sig;
    cte_continued = 1;
}

/* The short name of a fault signal, for the crash line. */
static inline const char *cte_fault_name(int sig) {
    switch (sig) {
    case SIGSEGV: return "SIGSEGV (invalid memory access)";
    case SIGILL: return "SIGILL (a Swift runtime trap or illegal instruction)";
    case SIGTRAP: return "SIGTRAP (a Swift runtime trap)";
    case SIGABRT: return "SIGABRT (abort)";
    case SIGBUS: return "SIGBUS (bus error)";
    case SIGFPE: return "SIGFPE (arithmetic error)";
    case SIGSYS: return "SIGSYS (bad system call)";
    default: return "a fatal signal";
    }
}

/* Writes all of a C string to a descriptor with write(2) alone (safe in a signal handler);
   gives up quietly when the descriptor takes nothing. */
static inline void cte_write_all(int fd, const char *text) {
    size_t length = strlen(text);
    while (length > 0) {
        ssize_t written = write(fd, text, length);
        if (written <= 0) return;
        text += written;
        length -= (size_t)written;
    }
}

static inline void cte_write_text(const char *text) { cte_write_all(STDERR_FILENO, text); }

static inline void cte_crash_handler(int sig, siginfo_t *info, void *context) {
    (void)info;
    (void)context;
    int status = 128 + sig;
    if (cte_crashing) _exit(status); /* a fault inside this handler */
    cte_crashing = 1;
    /* Whatever happens below (a terminal that blocks output, a broken stack), the process ends. */
    signal(SIGALRM, SIG_DFL);
    alarm(5);
    if (cte_curses_active) {
        cte_curses_active = 0;
        cte_write_text("\033[?2004l\033[?1006l");
        endwin();
    }
    char number[8];
    int value = sig, length = 0;
    char digits[8];
    do { digits[length++] = (char)('0' + value % 10); value /= 10; } while (value > 0 && length < 7);
    for (int i = 0; i < length; i++) number[i] = digits[length - 1 - i];
    number[length] = 0;
    cte_write_text("\ncognito-explorer crashed: ");
    cte_write_text(cte_fault_name(sig));
    cte_write_text(", signal ");
    cte_write_text(number);
    cte_write_text(". This is a bug; please report it with the backtrace below. Files are as last saved.\nBacktrace:\n");
    void *frames[64];
    int count = backtrace(frames, 64);
    backtrace_symbols_fd(frames, count, STDERR_FILENO);
    _exit(status);
}

/* Installs the handlers, remembering the previous ones; returns 0, or -1 if sigaction failed. */
static inline int cte_install_signal_handlers(void) {
    if (cte_handlers_installed) return 0;
    int result = 0;
    /* backtrace() loads its unwinder on first use: do that now, not inside a crash. */
    void *warm[2];
    (void)backtrace(warm, 2);
    stack_t stack;
    stack.ss_sp = cte_alternate_stack;
    stack.ss_size = sizeof cte_alternate_stack;
    stack.ss_flags = 0;
    (void)sigaltstack(&stack, NULL);
    for (int sig = 1; sig < CTE_MAX_SIGNAL; sig++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        sigemptyset(&action.sa_mask);
        if (cte_is_fault_signal(sig)) {
            action.sa_sigaction = cte_crash_handler;
            action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
        } else if (sig == SIGCONT) {
            action.sa_handler = cte_continue_handler;
            action.sa_flags = 0;
        } else if (cte_is_terminating_signal(sig)) {
            struct sigaction current;
            if (sigaction(sig, NULL, &current) != 0) continue;
            if (sig != SIGINT && !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN) continue;
            if (sig == SIGPIPE) {
                action.sa_sigaction = cte_pipe_handler;
                action.sa_flags = SA_SIGINFO;
            } else {
                action.sa_handler = cte_pending_handler;
                action.sa_flags = 0; /* no SA_RESTART: a blocking read returns so the flag is seen */
            }
        } else {
            continue;
        }
        if (sigaction(sig, &action, &cte_previous_actions[sig]) != 0) {
            result = -1;
            continue;
        }
        cte_installed_signals[sig] = 1;
    }
    cte_handlers_installed = 1;
    return result;
}

/* Puts back the handlers that were there before cte_install_signal_handlers. */
static inline void cte_restore_signal_handlers(void) {
    if (!cte_handlers_installed) return;
    for (int sig = 1; sig < CTE_MAX_SIGNAL; sig++) {
        if (!cte_installed_signals[sig]) continue;
        sigaction(sig, &cte_previous_actions[sig], NULL);
        cte_installed_signals[sig] = 0;
    }
    cte_handlers_installed = 0;
}

/* The real-time signals (glibc computes them at run time, so Swift cannot import the macros). */
static inline int cte_sigrtmin(void) { return SIGRTMIN; }
static inline int cte_sigrtmax(void) { return SIGRTMAX; }

/* 1 when the guard has a handler for `sig`. */
static inline int cte_signal_is_guarded(int sig) {
    return sig > 0 && sig < CTE_MAX_SIGNAL && cte_installed_signals[sig];
}

/*
 * A pending terminating signal, or 0: any other signal before SIGINT, since SIGINT (Ctrl-C) is
 * answered by the program while the others end it. `take` clears the one returned.
 */
static inline int cte_pending_signal(int take) {
    for (int sig = 1; sig < CTE_MAX_SIGNAL; sig++) {
        if (sig == SIGINT || !cte_pending_signals[sig]) continue;
        if (take) cte_pending_signals[sig] = 0;
        return sig;
    }
    if (cte_pending_signals[SIGINT]) {
        if (take) cte_pending_signals[SIGINT] = 0;
        return SIGINT;
    }
    return 0;
}

/* Forgets one pending signal. */
static inline void cte_clear_pending_signal(int sig) {
    if (sig > 0 && sig < CTE_MAX_SIGNAL) cte_pending_signals[sig] = 0;
}

/* Forgets every pending terminating signal. */
static inline void cte_clear_pending_signals(void) {
    for (int sig = 1; sig < CTE_MAX_SIGNAL; sig++) cte_pending_signals[sig] = 0;
}

/* 1 once after each SIGCONT. */
static inline int cte_take_continued(void) {
    int continued = cte_continued;
    cte_continued = 0;
    return continued;
}

/* Tells the crash handler whether curses owns the terminal (so endwin is needed). */
static inline void cte_set_curses_active(int active) { cte_curses_active = active; }

/* Writes a control sequence straight to the terminal (bracketed paste on and off). */
static inline void cte_write_sequence(const char *sequence) { cte_write_all(STDOUT_FILENO, sequence); }

#endif
