// The NcursesBackend module; see README.md, "How it is built".
