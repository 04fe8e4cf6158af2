/*
 * The read floor: what any tool that checks a folder of events must do at least, in plain C.
 *
 *   read-floor read DIR    lists DIR (recursively, as `check` does) and opens, reads to the end
 *                          and closes every *.json file in it, on one thread
 *   read-floor list DIR    only lists it
 *
 * Prints "files N bytes B" so a run can be checked against the corpus. Built by Benchmarks/run
 * with the system C compiler (-O2).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char buffer[1 << 16];
static long long files, bytes;
static int reading;

static int is_json(const char *name) {
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".json") == 0;
}

static int read_file(int dir, const char *name) {
    int fd = openat(dir, name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { perror(name); return 1; }
    for (;;) {
        ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0) { perror(name); close(fd); return 1; }
        if (got == 0) break;
        bytes += got;
    }
    close(fd);
    return 0;
}

static int walk(int dir, const char *path) {
    DIR *listing = fdopendir(dir);
    if (!listing) { perror(path); close(dir); return 1; }
    int failed = 0;
    struct dirent *entry;
    while ((entry = readdir(listing)) != NULL) {
        const char *name = entry->d_name;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
        unsigned char type = entry->d_type;
        if (type == DT_UNKNOWN) {
            struct stat st;
            if (fstatat(dirfd(listing), name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
            type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
        }
        if (type == DT_DIR) {
            int sub = openat(dirfd(listing), name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (sub < 0) { perror(name); failed = 1; continue; }
            failed |= walk(sub, name);
        } else if (type == DT_REG && is_json(name)) {
            files++;
            if (reading) failed |= read_file(dirfd(listing), name);
        }
    }
    closedir(listing);
    return failed;
}

int main(int argc, char **argv) {
    if (argc != 3 || (strcmp(argv[1], "read") != 0 && strcmp(argv[1], "list") != 0)) {
        fprintf(stderr, "usage: read-floor read|list DIR\n");
        return 2;
    }
    reading = strcmp(argv[1], "read") == 0;
    int dir = open(argv[2], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) { perror(argv[2]); return 2; }
    int failed = walk(dir, argv[2]);
    printf("files %lld bytes %lld\n", files, bytes);
    return failed ? 1 : 0;
}
