toString ./some/path
