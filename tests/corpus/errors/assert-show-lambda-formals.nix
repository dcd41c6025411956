assert ({ a, b ? 1, ... }@args: a) == null; 0
