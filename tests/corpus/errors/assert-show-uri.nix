assert http://example.com/x == "y"; 0
