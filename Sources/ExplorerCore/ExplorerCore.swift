// The ExplorerCore module; see README.md, "How it is built".
