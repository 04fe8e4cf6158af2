// Faithful JSON document; implementation in progress.
