{ "with space" = { "also.dot" = [ { "" = null; } ]; }; }
